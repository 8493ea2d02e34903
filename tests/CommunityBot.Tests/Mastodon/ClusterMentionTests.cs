using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Mastodon;

/// <summary>Two instances with the same Mastodon account on one PostgreSQL database and one fake Mastodon.</summary>
[OnPostgres]
public sealed class ClusterMentionTests
{
    [DatabaseFact]
    public async Task PollIfHeld_TwoInstances_OnlyTheHolderReadsTheMentions_AndEachIsAnsweredOnce()
    {
        await using var a = await MastodonBotHarness.StartOnAsync(StorageProvider.Postgres);
        await using var b = await MastodonBotHarness.StartBesideAsync(a);
        int Reads() => a.Server.Requests.Count(r => r.Method == "GET" && r.Path.StartsWith("/api/v1/notifications", StringComparison.Ordinal));

        Assert.NotNull(await a.Poller.PollIfHeldAsync(a.Main, CancellationToken.None));
        a.Server.Enqueue("GET", "/api/v1/notifications", FakeMastodonResponse.Fixture(200, "notifications_mentions.json"));
        Assert.Null(await b.Poller.PollIfHeldAsync(b.Main, CancellationToken.None));
        Assert.Equal(1, Reads());

        Assert.NotNull(await a.Poller.PollIfHeldAsync(a.Main, CancellationToken.None));
        Assert.Null(await b.Poller.PollIfHeldAsync(b.Main, CancellationToken.None));

        Assert.Equal(2, Reads());
        Assert.Equal(["reply:main:15", "reply:main:17"], (await a.Outbox.AllAsync()).Where(r => r.AfterKey is null).Select(r => r.IdempotencyKey));
    }
}
