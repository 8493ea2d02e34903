using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Telemetry;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Discord;

/// <summary>
/// The one way every interaction is answered, whichever way it came. Work still running after <see cref="DeferAfter"/>
/// is deferred (well inside Discord's 3-second deadline) and its answer then edits <c>@original</c>; whatever fails
/// becomes an ephemeral message that says so, never "The application did not respond".
/// </summary>
public sealed partial class InteractionResponder(DiscordRestClient rest, TimeProvider time, ILogger<InteractionResponder> logger)
{
    public static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(1);

    /// <param name="name">What the interaction ran, for logs and the metrics' <c>command</c> tag.</param>
    /// <param name="privately">The answer is for the user alone, so a deferral ("thinking…") is ephemeral too.</param>
    /// <param name="answer">The first response: a message (type 4), an updated message (7) or autocomplete choices (8).</param>
    public async Task RespondAsync(JsonInteraction interaction, IInteractionCallback callback, string name, bool privately,
        Func<CancellationToken, Task<JsonInteractionResponse>> answer, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var progress = new Progress();
        try
        {
            // Off the caller's path, so the deadline starts counting before the work does anything.
            var work = Task.Run(() => answer(cancellationToken), cancellationToken);
            if (interaction.Type == JsonInteraction.AutocompleteType || await WithinDeadlineAsync(work, cancellationToken))
            {
                await SendAsync(callback, await work, name, started, progress, cancellationToken);
                BotMetrics.InteractionHandled(name, InteractionOutcome.Answered);
                return;
            }
            await SendAsync(callback, Deferral(interaction, privately), name, started, progress, cancellationToken);
            progress.Deferred = true;
            var response = await work;
            await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, AsMessage(response.Data), cancellationToken);
            BotMetrics.InteractionHandled(name, InteractionOutcome.Deferred);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, name);
            BotMetrics.InteractionHandled(name, InteractionOutcome.Failed);
            await ReportFailureAsync(interaction, callback, progress, exception, cancellationToken);
        }
    }

    /// <summary>A message only the user sees, with nothing in it that can ping anyone.</summary>
    public static JsonInteractionResponse Message(JsonInteractionCallbackData data) =>
        new() { Type = JsonInteractionResponse.ChannelMessageWithSourceType, Data = data };

    private async Task<bool> WithinDeadlineAsync(Task work, CancellationToken cancellationToken)
    {
        using var deferral = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(DeferAfter, time, deferral.Token);
        var first = await Task.WhenAny(work, deadline);
        // The timer is cancelled either way: one left running per interaction would pile up under load.
        await deferral.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == work;
    }

    private async Task SendAsync(IInteractionCallback callback, JsonInteractionResponse response, string name, long started,
        Progress progress, CancellationToken cancellationToken)
    {
        await callback.SendAsync(response, cancellationToken);
        progress.Called = true;
        BotMetrics.InteractionCallback(name, time.GetElapsedTime(started));
    }

    // A button's message is updated in place, so its deferral is the silent kind; a command's shows "thinking…".
    private static JsonInteractionResponse Deferral(JsonInteraction interaction, bool privately) => interaction.Type == JsonInteraction.MessageComponentType
        ? new JsonInteractionResponse { Type = JsonInteractionResponse.DeferredUpdateMessageType }
        : new JsonInteractionResponse
        {
            Type = JsonInteractionResponse.DeferredChannelMessageWithSourceType,
            Data = privately ? new JsonInteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
        };

    private async Task ReportFailureAsync(JsonInteraction interaction, IInteractionCallback callback, Progress progress, Exception exception,
        CancellationToken cancellationToken)
    {
        var message = DiscordReplyRenderer.Ephemeral($"Sorry, that went wrong: {Describe(exception)}");
        try
        {
            if (progress.Deferred)
            {
                await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, AsMessage(message), cancellationToken);
            }
            // Autocomplete has no message to say it in; a callback already sent cannot be sent again.
            else if (interaction.Type != JsonInteraction.AutocompleteType && !progress.Called)
            {
                await callback.SendAsync(Message(message), cancellationToken);
            }
        }
        catch (Exception second) when (second is not OperationCanceledException)
        {
            LogReportFailed(second);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        DiscordRestException refused => $"Discord refused a request ({refused.Message}). Nothing may have changed.",
        TimeoutException => "Discord did not answer in time.",
        _ => "an internal error. It has been logged.",
    };

    private static JsonMessageCreate AsMessage(JsonInteractionCallbackData? data) => new()
    {
        Content = data?.Content,
        Embeds = data?.Embeds ?? [],
        Components = data?.Components ?? [],
        AllowedMentions = data?.AllowedMentions ?? JsonAllowedMentions.None,
    };

    [LoggerMessage(EventId = 3020, Level = LogLevel.Error, Message = "Interaction {Name} failed")]
    private partial void LogFailed(Exception exception, string name);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Could not tell the user about a failed interaction")]
    private partial void LogReportFailed(Exception exception);

    private sealed class Progress
    {
        public bool Called { get; set; }

        public bool Deferred { get; set; }
    }
}
