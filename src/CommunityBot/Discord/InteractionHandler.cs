using System.Globalization;
using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Discord.Config;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Discord;

/// <summary>
/// Answers one interaction: slash commands through the command core, autocomplete from the index, and the
/// paging buttons. Whatever fails becomes an ephemeral message that says so, never "The application did not respond".
/// </summary>
public sealed partial class InteractionHandler(
    DiscordRestClient rest,
    CommandCore commands,
    ContentStore content,
    TimeProvider time,
    ILogger<InteractionHandler> logger,
    ConfigCommandHandler? config = null)
{
    /// <summary>A command still working after this long is deferred, well inside Discord's 3-second deadline.</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(1);

    /// <summary>Commands that may scan the whole corpus and so race the defer deadline; the others answer from a lookup.</summary>
    internal IReadOnlySet<string> MayBeSlow { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "search" };
    private const int MaxOptionLength = 200;
    private const int MaxChoiceLength = 100;

    public async Task HandleAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        var state = new ResponseState();
        try
        {
            switch (interaction.Type)
            {
                case InteractionType.ApplicationCommand:
                    await CommandAsync(interaction, state, cancellationToken);
                    break;
                case InteractionType.ApplicationCommandAutocomplete:
                    await AutocompleteAsync(interaction, cancellationToken);
                    break;
                case InteractionType.MessageComponent:
                    await ComponentAsync(interaction, cancellationToken);
                    break;
                default:
                    await RespondAsync(interaction, DiscordReplyRenderer.Ephemeral("This kind of interaction is not supported."), cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, interaction.Data?.Name ?? interaction.Data?.CustomId ?? interaction.Type.ToString());
            await ReportFailureAsync(interaction, state, exception, cancellationToken);
        }
    }

    private async Task CommandAsync(JsonInteraction interaction, ResponseState state, CancellationToken cancellationToken)
    {
        var name = interaction.Data?.Name ?? "";
        if (name == ConfigCommand.Name && config is not null)
        {
            await config.HandleAsync(interaction, cancellationToken);
            return;
        }
        var request = new CommandRequest(name, OptionsOf(interaction.Data?.Options));
        if (!MayBeSlow.Contains(name))
        {
            await RespondAsync(interaction, DiscordReplyRenderer.Render(commands.Execute(request)), cancellationToken);
            return;
        }

        var work = Task.Run(() => commands.Execute(request), cancellationToken);
        if (await Task.WhenAny(work, Task.Delay(DeferAfter, time, cancellationToken)) != work)
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                new JsonInteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource }, cancellationToken);
            state.Deferred = true;
            await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, AsMessage(DiscordReplyRenderer.Render(await work)), cancellationToken);
            return;
        }
        await RespondAsync(interaction, DiscordReplyRenderer.Render(await work), cancellationToken);
    }

    private Task AutocompleteAsync(JsonInteraction interaction, CancellationToken cancellationToken)
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
        return rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new JsonInteractionResponse
        {
            Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
            Data = new JsonInteractionCallbackData { Choices = choices },
        }, cancellationToken);
    }

    private Task ComponentAsync(JsonInteraction interaction, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId ?? "";
        if (!customId.StartsWith(DiscordReplyRenderer.EssaysPagePrefix, StringComparison.Ordinal))
        {
            return RespondAsync(interaction, DiscordReplyRenderer.Ephemeral("This button is no longer in use; run the command again."), cancellationToken);
        }
        var page = customId[DiscordReplyRenderer.EssaysPagePrefix.Length..];
        var reply = commands.Execute(new CommandRequest("essays", new Dictionary<string, string> { ["page"] = page }));
        var data = DiscordReplyRenderer.Render(reply);
        // A page that no longer exists (essays were removed) is told to the clicker alone; the list stays as it is.
        var type = reply is ProblemReply ? InteractionCallbackType.ChannelMessageWithSource : InteractionCallbackType.UpdateMessage;
        return rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new JsonInteractionResponse { Type = type, Data = data }, cancellationToken);
    }

    private Task RespondAsync(JsonInteraction interaction, JsonInteractionCallbackData data, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
            new JsonInteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = data }, cancellationToken);

    private async Task ReportFailureAsync(JsonInteraction interaction, ResponseState state, Exception exception, CancellationToken cancellationToken)
    {
        var message = DiscordReplyRenderer.Ephemeral($"Sorry, that went wrong: {Describe(exception)}");
        try
        {
            if (state.Deferred)
            {
                await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, AsMessage(message), cancellationToken);
            }
            else if (interaction.Type != InteractionType.ApplicationCommandAutocomplete)
            {
                await RespondAsync(interaction, message, cancellationToken);
            }
        }
        catch (Exception second) when (second is not OperationCanceledException)
        {
            LogReportFailed(second);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        DiscordRestException rest => $"Discord refused the reply ({rest.Message}).",
        TimeoutException => "Discord did not answer in time.",
        _ => "an internal error. It has been logged.",
    };

    private static JsonMessageCreate AsMessage(JsonInteractionCallbackData data) => new()
    {
        Content = data.Content,
        Embeds = data.Embeds ?? [],
        Components = data.Components ?? [],
        AllowedMentions = data.AllowedMentions,
    };

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

    [LoggerMessage(EventId = 3020, Level = LogLevel.Error, Message = "Interaction {Name} failed")]
    private partial void LogFailed(Exception exception, string name);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Could not tell the user about a failed interaction")]
    private partial void LogReportFailed(Exception exception);

    private sealed class ResponseState
    {
        public bool Deferred { get; set; }
    }
}
