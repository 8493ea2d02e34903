using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Discord.Config;

namespace CommunityBot.Discord;

/// <summary>
/// What each interaction is answered with: slash commands through the command core, /config through its handler,
/// autocomplete from the index, and the paging buttons. <see cref="InteractionResponder"/> does the answering.
/// </summary>
public sealed class InteractionHandler(
    DiscordRestClient rest,
    InteractionResponder responder,
    CommandCore commands,
    ContentStore content,
    ConfigCommandHandler? config = null)
{
    private const int MaxOptionLength = 200;
    private const int MaxChoiceLength = 100;
    private const string Unknown = "unknown";

    /// <summary>An interaction from the gateway: the answer is POSTed to its callback.</summary>
    public Task HandleAsync(JsonInteraction interaction, CancellationToken cancellationToken) =>
        HandleAsync(interaction, new RestInteractionCallback(rest, interaction), cancellationToken);

    public Task HandleAsync(JsonInteraction interaction, IInteractionCallback callback, CancellationToken cancellationToken)
    {
        var name = interaction.Data?.Name ?? "";
        return interaction.Type switch
        {
            JsonInteraction.ApplicationCommandType when name == ConfigCommand.Name && config is not null =>
                responder.RespondAsync(interaction, callback, ConfigCommand.Name, privately: true,
                    async ct => Message(await config.AnswerAsync(interaction, ct)), cancellationToken),
            JsonInteraction.ApplicationCommandType =>
                responder.RespondAsync(interaction, callback, CommandCatalog.Find(name)?.Name ?? Unknown, privately: false,
                    _ => Task.FromResult(Message(commands.Execute(new CommandRequest(name, OptionsOf(interaction.Data?.Options))))), cancellationToken),
            JsonInteraction.AutocompleteType =>
                responder.RespondAsync(interaction, callback, (CommandCatalog.Find(name)?.Name ?? Unknown) + ".autocomplete", privately: false,
                    _ => Task.FromResult(Autocomplete(interaction)), cancellationToken),
            JsonInteraction.MessageComponentType =>
                responder.RespondAsync(interaction, callback, CommandCatalog.Essays + "." + CommandCatalog.PageOption, privately: false,
                    _ => Task.FromResult(Component(interaction)), cancellationToken),
            _ => responder.RespondAsync(interaction, callback, Unknown, privately: true,
                _ => Task.FromResult(InteractionResponder.Message(DiscordReplyRenderer.Ephemeral("This kind of interaction is not supported."))), cancellationToken),
        };
    }

    private static JsonInteractionResponse Message(Reply reply) => InteractionResponder.Message(DiscordReplyRenderer.Render(reply));

    private JsonInteractionResponse Autocomplete(JsonInteraction interaction)
    {
        var focused = Flatten(interaction.Data?.Options).FirstOrDefault(o => o.Focused == true);
        var kind = focused is null ? null : CommandCatalog.Find(interaction.Data?.Name ?? "")?.FindOption(focused.Name)?.Kind;
        var typed = focused?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? "" : "";
        var index = content.Index;
        IReadOnlyList<JsonApplicationCommandOptionChoice> choices = kind switch
        {
            CommandOptionKind.Essay => [.. index.SuggestEssays(typed, DiscordLimits.AutocompleteChoices)
                .Select(e => JsonApplicationCommandOptionChoice.Create(DiscordText.Fit(e.Title, MaxChoiceLength), e.Slug))],
            CommandOptionKind.Author => [.. index.SuggestAuthors(typed, DiscordLimits.AutocompleteChoices)
                .Select(a => JsonApplicationCommandOptionChoice.Create(DiscordText.Fit(a, MaxChoiceLength), DiscordText.Fit(a, MaxChoiceLength)))],
            _ => [],
        };
        return new JsonInteractionResponse
        {
            Type = JsonInteractionResponse.AutocompleteResultType,
            Data = new JsonInteractionCallbackData { Choices = choices },
        };
    }

    private JsonInteractionResponse Component(JsonInteraction interaction)
    {
        var customId = interaction.Data?.CustomId ?? "";
        if (!customId.StartsWith(DiscordReplyRenderer.EssaysPagePrefix, StringComparison.Ordinal))
        {
            return InteractionResponder.Message(DiscordReplyRenderer.Ephemeral("This button is no longer in use; run the command again."));
        }
        var page = customId[DiscordReplyRenderer.EssaysPagePrefix.Length..];
        var reply = commands.Execute(new CommandRequest(CommandCatalog.Essays, new Dictionary<string, string> { [CommandCatalog.PageOption] = page }));
        // A page that no longer exists (essays were removed) is told to the clicker alone; the list stays as it is.
        return reply is ProblemReply
            ? Message(reply)
            : new JsonInteractionResponse { Type = JsonInteractionResponse.UpdateMessageType, Data = DiscordReplyRenderer.Render(reply) };
    }

    private static Dictionary<string, string> OptionsOf(IReadOnlyList<JsonInteractionDataOption>? options)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in Flatten(options))
        {
            if (option.Value is not { } value)
            {
                continue;
            }
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
            values[option.Name] = text.Length > MaxOptionLength ? text[..MaxOptionLength] : text;
        }
        return values;
    }

    private static IEnumerable<JsonInteractionDataOption> Flatten(IReadOnlyList<JsonInteractionDataOption>? options) =>
        options?.SelectMany(o => o.Options is null ? [o] : Flatten(o.Options)) ?? [];
}
