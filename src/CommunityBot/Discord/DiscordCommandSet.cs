using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Commands;
using CommunityBot.Discord.Config;

namespace CommunityBot.Discord;

/// <summary>The slash commands, made from the command catalog, and whether Discord already has exactly these.</summary>
public static class DiscordCommandSet
{
    // Help is the console's and Mastodon's; Discord lists the commands by itself.
    private static readonly HashSet<string> _notOnDiscord = ["help"];

    public static IReadOnlyList<JsonApplicationCommand> Build() =>
        [.. CommandCatalog.All.Where(c => !_notOnDiscord.Contains(c.Name)).Select(ToSlashCommand), ConfigCommand.Build()];

    /// <summary>True when Discord's registered commands say the same as ours, so no overwrite is needed.</summary>
    public static bool Matches(IReadOnlyList<JsonApplicationCommand> registered, IReadOnlyList<JsonApplicationCommand> wanted) =>
        registered.Count == wanted.Count
        && wanted.All(w => registered.Any(r => r.Name == w.Name && SameShape(r, w)));

    private static JsonApplicationCommand ToSlashCommand(CommandDefinition command) => new()
    {
        Type = JsonApplicationCommand.ChatInputType,
        Name = command.Name,
        Description = command.Description,
        // Required options first: Discord refuses a required option after an optional one.
        Options = [.. command.Options.OrderByDescending(o => o.Required).Select(ToOption)],
    };

    private static JsonApplicationCommandOption ToOption(CommandOption option) => new()
    {
        Type = option.Kind == CommandOptionKind.Page ? JsonApplicationCommandOption.IntegerType : JsonApplicationCommandOption.StringType,
        Name = option.Name,
        Description = option.Description,
        Required = option.Required ? true : null,
        Autocomplete = option.Kind is CommandOptionKind.Essay or CommandOptionKind.Author ? true : null,
        MinValue = option.Kind == CommandOptionKind.Page ? 1 : null,
        MaxLength = option.Kind == CommandOptionKind.Page ? null : 200,
    };

    private static bool SameShape(JsonApplicationCommand registered, JsonApplicationCommand wanted)
    {
        var a = registered.Options ?? [];
        var b = wanted.Options ?? [];
        return registered.Description == wanted.Description
            && registered.DefaultMemberPermissions == wanted.DefaultMemberPermissions
            && (registered.Type ?? JsonApplicationCommand.ChatInputType) == wanted.Type
            && a.Count == b.Count
            && a.Zip(b).All(pair => SameOption(pair.First, pair.Second));
    }

    private static bool SameOption(JsonApplicationCommandOption a, JsonApplicationCommandOption b) =>
        a.Name == b.Name && a.Type == b.Type && a.Description == b.Description
        && (a.Required ?? false) == (b.Required ?? false)
        && (a.Autocomplete ?? false) == (b.Autocomplete ?? false)
        && a.MinValue == b.MinValue && a.MaxLength == b.MaxLength
        && (a.ChannelTypes ?? []).SequenceEqual(b.ChannelTypes ?? [])
        && (a.Options ?? []).Count == (b.Options ?? []).Count && (a.Options ?? []).Zip(b.Options ?? []).All(pair => SameOption(pair.First, pair.Second));
}
