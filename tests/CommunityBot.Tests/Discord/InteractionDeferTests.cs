using CommunityBot.Commands;
using Moq;

namespace CommunityBot.Tests.Discord;

public sealed class InteractionDeferTests
{
    [Fact]
    public async Task SlowCommand_DefersAfterOneSecond_ThenEditsTheOriginal()
    {
        using var release = new ManualResetEventSlim();
        var random = new Mock<IRandomSource>();
        random.Setup(r => r.Pick(It.IsAny<int>())).Returns(() =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return 0;
        });
        await using var harness = await InteractionHarness.StartAsync(random: random.Object);

        var handling = harness.Handler.HandleAsync(Interactions.Command("quote", ("author", "camus")), CancellationToken.None);
        await harness.Time.WaitForTimerAsync(due => due == CommunityBot.Discord.InteractionResponder.DeferAfter);
        harness.Time.Advance(CommunityBot.Discord.InteractionResponder.DeferAfter);
        await harness.Server.WaitForRequestsAsync(1);
        release.Set();
        await handling.WaitAsync(TimeSpan.FromSeconds(10));

        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.EndsWith("/callback", requests[0].Path, StringComparison.Ordinal);
        Assert.Equal(5, Interactions.Body(requests[0]).GetProperty("type").GetInt32());
        Assert.Equal("PATCH", requests[1].Method);
        Assert.EndsWith("/messages/@original", requests[1].Path, StringComparison.Ordinal);
        Assert.Contains("Albert Camus", requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FastCommand_AnswersAtOnce_WithoutDeferring()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var requests = await harness.HandleAsync(Interactions.Command("search", ("text", "solidarity")));

        Assert.Equal(4, Interactions.Body(Assert.Single(requests)).GetProperty("type").GetInt32());
    }
}
