using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Discord;
using CommunityBot.Tests.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;

namespace CommunityBot.Tests.Discord;

public sealed class InteractionResponderTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RespondAsync_FastAnswer_IsTheOneCallback_AndItsDeferTimerIsCancelled()
    {
        await using var rest = await DiscordRestHarness.StartAsync();
        var time = new TimerCountingTimeProvider();
        var responder = new InteractionResponder(rest.Client, time, new FakeLogger<InteractionResponder>());
        var callback = new RecordingCallback();

        await responder.RespondAsync(Interactions.Command("quote"), callback, "quote", privately: false,
            _ => Task.FromResult(InteractionResponder.Message(DiscordReplyRenderer.Ephemeral("hello"))), CancellationToken.None).WaitAsync(_timeout);

        Assert.Equal(JsonInteractionResponse.ChannelMessageWithSourceType, Assert.Single(callback.Sent).Type);
        Assert.Equal(0, time.LiveTimers);
        Assert.Empty(rest.Server.Requests);
    }

    [Fact]
    public async Task RespondAsync_FailingWork_AnswersWithTheFailureReplyOnce_AndLogs3020()
    {
        await using var rest = await DiscordRestHarness.StartAsync();
        var logger = new FakeLogger<InteractionResponder>();
        var responder = new InteractionResponder(rest.Client, new TimerCountingTimeProvider(), logger);
        var callback = new RecordingCallback();

        await responder.RespondAsync(Interactions.Command("quote"), callback, "quote", privately: false,
            _ => throw new InvalidOperationException("boom"), CancellationToken.None).WaitAsync(_timeout);

        var reply = Assert.Single(callback.Sent);
        Assert.Equal(JsonInteractionResponse.ChannelMessageWithSourceType, reply.Type);
        Assert.Equal(MessageFlags.Ephemeral, reply.Data!.Flags);
        Assert.StartsWith("Sorry, that went wrong", reply.Data.Content, StringComparison.Ordinal);
        var failed = Assert.Single(logger.Collector.WithEventId(3020));
        Assert.Equal("quote", failed.GetStructuredStateValue("Name"));
    }

    [Fact]
    public async Task RespondAsync_FailingAutocomplete_SendsNothing()
    {
        await using var rest = await DiscordRestHarness.StartAsync();
        var responder = new InteractionResponder(rest.Client, new TimerCountingTimeProvider(), new FakeLogger<InteractionResponder>());
        var callback = new RecordingCallback();

        await responder.RespondAsync(Interactions.Autocomplete("quote", "author", "ca"), callback, "quote.autocomplete", privately: false,
            _ => throw new InvalidOperationException("boom"), CancellationToken.None).WaitAsync(_timeout);

        Assert.Empty(callback.Sent);
        Assert.Empty(rest.Server.Requests);
    }
}
