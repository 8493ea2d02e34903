using System.Text.Json;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A fixed or autocompleted choice of a command option.</summary>
public sealed record JsonApplicationCommandOptionChoice
{
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    // A string, integer or double, matching the option's type.
    public required JsonElement Value { get; init; }

    public static JsonApplicationCommandOptionChoice Create(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static JsonApplicationCommandOptionChoice Create(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };

    public static JsonApplicationCommandOptionChoice Create(string name, double value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double) };
}
