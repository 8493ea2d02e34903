using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Delivery;

/// <summary>Several instances sharing one outbox: each row leased to one of them, sent once, recorded by its holder.</summary>
public class OutboxLeaseTests : IAsyncLifetime
{
    private const int LeaseLostEvent = 7111;
    private const int DeliveredEvent = 7100;

    private readonly string _provider;
    private DeliveryHarness _harness = null!;

    public OutboxLeaseTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected OutboxLeaseTests(string provider) => _provider = provider;

    public async Task InitializeAsync() => _harness = await DeliveryHarness.StartAsync(_provider);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [DatabaseFact]
    public async Task TwoInstances_DrainABurstOf300RowsOver100Targets_EachSentOnce_InOrderPerTarget()
    {
        const int targets = 100;
        const int rowsPerTarget = 3;
        // Fake time stands still, so that every row is sent well inside its lease and none is taken over and sent
        // again; Discord's global budget of a second must then hold the whole burst.
        await using var harness = await DeliveryHarness.StartAsync(_provider, o => (o.MaxRetries, o.GlobalRequestsPerSecond) = (0, 1000));
        for (var row = 0; row < rowsPerTarget; row++)
        {
            for (var channel = 0; channel < targets; channel++)
            {
                await harness.Outbox.EnqueueAsync($"discord:1:{500 + channel}", "epigraph", Post(row), $"burst:{channel}:{row}");
            }
        }

        await Task.WhenAll(
            harness.StartInstanceAsync("instance-a", new DeliverySignal()),
            harness.StartInstanceAsync("instance-b", new DeliverySignal()));
        var rows = await harness.WaitForOutboxAsync(r => r.All(e => e.Status == OutboxStatus.Delivered));

        var sendsPerNonce = harness.Posts.GroupBy(p => Body(p.Body).GetProperty("nonce").GetString()).Select(g => g.Count()).ToList();
        Assert.Equal(targets * rowsPerTarget, sendsPerNonce.Count);
        Assert.All(sendsPerNonce, count => Assert.Equal(1, count));
        foreach (var channel in harness.Posts.GroupBy(p => p.Path))
        {
            Assert.Equal([Content(0), Content(1), Content(2)], channel.Select(p => Body(p.Body).GetProperty("content").GetString()));
        }
        Assert.All(rows, r => Assert.Null(r.LeaseOwner));
        Assert.Empty(harness.Log.Collector.WithEventId(LeaseLostEvent));
        Assert.All(harness.Log.Collector.WithEventId(DeliveredEvent), record => Assert.True(record.GetStructuredStateValue("InstanceId") is "instance-a" or "instance-b"));
    }

    [DatabaseFact]
    public async Task DeadInstancesLease_IsTakenOverWhenItRunsOut_AndTheDeadInstancesLateMarkIsRefused()
    {
        _harness.Options.LeaseDuration = TimeSpan.FromMinutes(1);
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Post(0), "leased");
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Post(1), "behind");
        // The dead instance leased the head and never finished it.
        var leased = Assert.Single(await _harness.Outbox.ClaimDueAsync("dead", _harness.Options.LeaseDuration, 10, []));
        Assert.Equal(("dead", _harness.Rest.Time.GetUtcNow().AddMinutes(1)), (leased.LeaseOwner, leased.LeaseUntil));

        await _harness.StartInstanceAsync("survivor", new DeliverySignal());
        await _harness.AdvanceAsync(55);
        // A leased head holds its whole target: neither it nor the row behind it went.
        Assert.Empty(_harness.Posts);
        var rows = await _harness.AdvanceUntilAsync(r => r.All(e => e.Status == OutboxStatus.Delivered));

        Assert.Equal([Content(0), Content(1)], _harness.Posts.Select(p => Body(p.Body).GetProperty("content").GetString()));
        Assert.False(await _harness.Outbox.MarkDeliveredAsync(leased.Id, "late", "dead"));
        Assert.False(await _harness.Outbox.MarkFailedAsync(leased.Id, "late", leaseOwner: "dead"));
        var after = (await _harness.Outbox.AllAsync())[0];
        Assert.Equal((OutboxStatus.Delivered, rows[0].RemoteId, 1), (after.Status, after.RemoteId, after.Attempts));
    }

    [DatabaseFact]
    public async Task Claim_SkipsLeasedHeads_UntilTheLeaseRunsOut_AndMarksNeedTheHolder()
    {
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Post(0), "a-0");
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Post(1), "a-1");
        await _harness.Outbox.EnqueueAsync("discord:1:20", "epigraph", Post(0), "b-0");
        var lease = TimeSpan.FromMinutes(2);

        var first = await _harness.Outbox.ClaimDueAsync("one", lease, 10, []);
        var second = await _harness.Outbox.ClaimDueAsync("two", lease, 10, []);

        Assert.Equal(["a-0", "b-0"], first.Select(e => e.IdempotencyKey));
        Assert.Empty(second);
        Assert.Equal(_harness.Rest.Time.GetUtcNow() + lease, await _harness.Outbox.NextDueAfterAsync(_harness.Rest.Time.GetUtcNow(), []));
        Assert.False(await _harness.Outbox.MarkRetryAsync(first[0].Id, "503", _harness.Rest.Time.GetUtcNow(), leaseOwner: "two"));
        Assert.True(await _harness.Outbox.MarkDeliveredAsync(first[0].Id, "m-1", "one"));
        Assert.Equal(["a-1"], (await _harness.Outbox.ClaimDueAsync("two", lease, 10, [])).Select(e => e.IdempotencyKey));
        _harness.Rest.Time.Advance(lease);
        Assert.Equal(["a-1", "b-0"], (await _harness.Outbox.ClaimDueAsync("two", lease, 10, [])).Select(e => e.IdempotencyKey));
    }

    [DatabaseFact]
    public async Task Restart_TakesBackItsOwnLeftOverLeases_AndEveryOneWhileHoldingTheSqliteLock()
    {
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Post(0), "mine");
        await _harness.Outbox.EnqueueAsync("discord:1:20", "epigraph", Post(0), "theirs");
        var claimed = await _harness.Outbox.ClaimDueAsync("restarted", TimeSpan.FromMinutes(5), 1, []);
        await _harness.Outbox.ClaimDueAsync("alive", TimeSpan.FromMinutes(5), 1, []);

        var released = await _harness.Outbox.ReleaseLeftOverLeasesAsync("restarted");
        var rows = await _harness.Outbox.AllAsync();
        int releasedHoldingTheLock;
        using (DatabaseLock.Acquire(_harness.Db.Database))
        {
            releasedHoldingTheLock = await _harness.Outbox.ReleaseLeftOverLeasesAsync("restarted");
        }

        Assert.Equal("mine", Assert.Single(claimed).IdempotencyKey);
        Assert.Equal((1, null, "alive"), (released, rows[0].LeaseOwner, rows[1].LeaseOwner));
        // PostgreSQL has no such lock: instances share the database, and another's lease may be a live one's.
        Assert.Equal(_provider == StorageProvider.Postgres ? 0 : 1, releasedHoldingTheLock);
    }

    private static string Content(int row) => $"Post {row}";

    private static string Post(int row) => $$$"""{"content":"{{{Content(row)}}}","allowed_mentions":{"parse":[]}}""";

    private static JsonElement Body(string body) => JsonDocument.Parse(body).RootElement;
}
