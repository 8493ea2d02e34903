using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Moq;
using CommunityBot.Tests.Cards;

namespace CommunityBot.Tests.Delivery;

public class DeliveryWorkerTests : IAsyncLifetime
{
    private readonly string _provider;

    public DeliveryWorkerTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected DeliveryWorkerTests(string provider) => _provider = provider;

    private const string Payload = """{"content":"An epigraph","allowed_mentions":{"parse":[]}}""";
    private DeliveryHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await DeliveryHarness.StartAsync(_provider);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [DatabaseFact]
    public async Task CrashBetweenWritingAndSending_SendsExactlyOnceAfterRestart()
    {
        // The process wrote the row and died before any worker ran.
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "epigraph:discord:1:10:202611260900");

        await _harness.StartWorkerAsync();
        var rows = await _harness.WaitForOutboxAsync(r => r.All(e => e.Status == OutboxStatus.Delivered));

        Assert.Equal(1, _harness.MessagesCreated);
        var post = Assert.Single(_harness.Posts);
        Assert.Equal("/api/v10/channels/10/messages", post.Path);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
        Assert.Equal(25, body.GetProperty("nonce").GetString()!.Length);
        Assert.Equal("1000", rows[0].RemoteId);
    }

    [DatabaseFact]
    public async Task TimeoutAfterDiscordCreatedTheMessage_RetrySendsTheSameNonce_AndNothingDoubles()
    {
        // Its own client with a short timeout: the fake clock is moved on by it, not stepped past it.
        await using var harness = await DeliveryHarness.StartAsync(_provider, o =>
        {
            o.MaxRetries = 0;
            o.RequestTimeout = ShortTimeout;
        });
        await harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "key-1");
        // Not the REST timeout's length, so that the wait below finds the send's timer and not the worker's next look.
        harness.Options.PollInterval = ShortTimeout + TimeSpan.FromSeconds(15);
        // A lease that outlasts the REST timeout, so it is the client's timeout (not the send's cut-off at half the
        // lease, nor the lease running out) that this test sees.
        harness.Options.LeaseDuration = 3 * ShortTimeout;
        var hang = new TaskCompletionSource();
        var first = true;
        var answer = harness.Rest.Server.Default;
        harness.Rest.Server.Default = request =>
        {
            var response = answer(request);
            if (first)
            {
                first = false;
                // Discord created the message, but the answer never arrives before our timeout.
                return response with { HoldUntil = hang.Task };
            }
            return response;
        };

        var worker = await harness.StartWorkerAsync();
        await harness.Rest.Time.WaitForTimerAsync(due => due == ShortTimeout);
        harness.Rest.Time.Advance(ShortTimeout);
        var retried = await harness.WaitForOutboxAsync(r => r[0].Attempts == 1);
        Assert.Equal(OutboxStatus.Pending, retried[0].Status);

        await harness.AdvanceUntilAsync(r => r[0].Status == OutboxStatus.Delivered);
        hang.SetResult();
        await DeliveryHarness.StopAsync(worker);

        Assert.Equal(2, harness.Posts.Count);
        Assert.Single(harness.Posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("nonce").GetString()).Distinct());
        Assert.Equal(1, harness.MessagesCreated);
    }

    [DatabaseFact]
    public async Task RowsOfOneTarget_GoOutInOrder()
    {
        for (var i = 1; i <= 3; i++)
        {
            await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload.Replace("An epigraph", $"Post {i}", StringComparison.Ordinal), $"key-{i}");
        }

        await _harness.StartWorkerAsync();
        await _harness.WaitForOutboxAsync(r => r.All(e => e.Status == OutboxStatus.Delivered));

        Assert.Equal(["Post 1", "Post 2", "Post 3"], _harness.Posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("content").GetString()));
    }

    [DatabaseFact]
    public async Task PermanentRejection_FailsTheRowWithTheReason_PausesAfterThree_AndNeverDelaysAHealthyTarget()
    {
        _harness.Rest.Server.Default = request => request.Path.Contains("/channels/66/", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.Error(403, 50001, "Missing Access")
            : FakeDiscordRestResponse.Json("""{"id": "1", "channel_id": "10"}""");
        for (var i = 1; i <= 4; i++)
        {
            await _harness.Outbox.EnqueueAsync("discord:6:66", "epigraph", Payload, $"broken-{i}");
        }
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "healthy");

        await _harness.StartWorkerAsync();
        var rows = await _harness.WaitForOutboxAsync(r => r.Count(e => e.Status == OutboxStatus.Failed) == 3 && r.Any(e => e.Status == OutboxStatus.Delivered));

        Assert.Equal(OutboxStatus.Delivered, rows.Single(r => r.IdempotencyKey == "healthy").Status);
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Failed), r => Assert.Contains("Missing Access", r.LastError, StringComparison.Ordinal));
        // The row is marked before its target's health is counted: the pause may land a moment after the third failure.
        var health = await _harness.Health.GetAsync("discord:6:66");
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !health.Paused && DateTime.UtcNow < deadline; health = await _harness.Health.GetAsync("discord:6:66"))
        {
            await Task.Delay(5);
        }
        Assert.True(health.Paused);
        Assert.Equal(OutboxStatus.Pending, rows.Single(r => r.IdempotencyKey == "broken-4").Status);
    }

    [DatabaseFact]
    public async Task ServerErrors_AreRetriedWithBackoff_UntilDelivered()
    {
        _harness.FailFirstRequests(2, FakeDiscordRestResponse.Error(502, 0, "Bad Gateway"));
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "key");

        await _harness.StartWorkerAsync();
        var retried = (await _harness.WaitForOutboxAsync(r => r[0].Attempts == 1))[0];
        Assert.Contains("502", retried.LastError, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), retried.NextAttemptAt - _harness.Rest.Time.GetUtcNow());
        var delivered = (await _harness.AdvanceUntilAsync(r => r[0].Status == OutboxStatus.Delivered))[0];

        Assert.Equal(3, delivered.Attempts);

        Assert.Equal(1, _harness.MessagesCreated);
    }

    [DatabaseFact]
    public async Task AChannelThatThrows_IsRetriedNotFatal()
    {
        var channel = new Mock<IDeliveryChannel>();
        channel.Setup(c => c.Kind).Returns(TargetKind.Console);
        channel.Setup(c => c.SendAsync(It.IsAny<OutboxEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        await _harness.Outbox.EnqueueAsync("console", "epigraph", "text", "key");

        await _harness.StartWorkerAsync(channel.Object);
        var row = (await _harness.WaitForOutboxAsync(r => r[0].Attempts == 1))[0];

        Assert.Equal((OutboxStatus.Pending, "disk full"), (row.Status, row.LastError));
    }

    [DatabaseFact]
    public async Task UnknownTargetKind_FailsWithAClearReason()
    {
        await _harness.Outbox.EnqueueAsync("carrier-pigeon:1", "epigraph", "text", "key");

        await _harness.StartWorkerAsync();
        var row = (await _harness.WaitForOutboxAsync(r => r[0].Status == OutboxStatus.Failed))[0];

        Assert.Contains("no delivery channel for target 'carrier-pigeon:1'", row.LastError, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task InvalidBody_FailsEachRowAtOnce_NeverPausesTheTarget_AndTheRowsBehindGo()
    {
        var answer = _harness.Rest.Server.Default;
        _harness.Rest.Server.Default = request => request.Body.Contains("Bad post", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.Error(400, 50035, "Invalid Form Body")
            : answer(request);
        for (var i = 1; i <= 3; i++)
        {
            await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload.Replace("An epigraph", "Bad post", StringComparison.Ordinal), $"bad-{i}");
        }
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "good");

        await _harness.StartWorkerAsync();
        var rows = await _harness.WaitForOutboxAsync(r => r.All(e => e.Status != OutboxStatus.Pending));

        Assert.All(rows.Where(r => r.IdempotencyKey.StartsWith("bad", StringComparison.Ordinal)),
            r => Assert.Equal((OutboxStatus.Failed, 1), (r.Status, r.Attempts)));
        Assert.Equal(OutboxStatus.Delivered, rows.Single(r => r.IdempotencyKey == "good").Status);
        Assert.Equal((0, false), await HealthOf("discord:1:10"));
        Assert.Equal(3, _harness.Log.Collector.WithEventId(InvalidEvent).Count);
    }

    [DatabaseFact]
    public async Task CorruptPayload_FailsAtOnceWithoutSending_AndTheNextRowGoes()
    {
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", "{\"content\": ", "corrupt");
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "next");

        await _harness.StartWorkerAsync();
        var rows = await _harness.WaitForOutboxAsync(r => r.All(e => e.Status != OutboxStatus.Pending));

        Assert.Equal((OutboxStatus.Failed, OutboxStatus.Delivered), (rows[0].Status, rows[1].Status));
        Assert.Single(_harness.Posts);
    }

    [DatabaseFact]
    public async Task Unauthorized_StopsDiscordWithOneLogEntry_KeepsItsRowsPending_AndOtherTransportsGoOn()
    {
        _harness.Rest.Server.Default = _ => FakeDiscordRestResponse.Error(401, 0, "401: Unauthorized");
        foreach (var (target, key) in new[] { ("discord:1:10", "a-1"), ("discord:1:10", "a-2"), ("discord:2:20", "b-1") })
        {
            await _harness.Outbox.EnqueueAsync(target, "epigraph", Payload, key);
        }
        await _harness.Outbox.EnqueueAsync("console", "epigraph", "text", "console-1");
        var console = new Mock<IDeliveryChannel>();
        console.Setup(c => c.Kind).Returns(TargetKind.Console);
        console.Setup(c => c.SendAsync(It.IsAny<OutboxEntry>(), It.IsAny<CancellationToken>())).ReturnsAsync(SendResult.Delivered(null));

        await _harness.StartWorkerAsync(TestCards.Discord(_harness.Rest.Client), console.Object);
        // Both Discord targets' first rows may be in flight together; the second's answer can come after the stop is
        // logged, so the count of sends is read once no row is leased, that is, once no send is under way.
        await _harness.WaitForOutboxAsync(r => r.Single(e => e.Target == "console").Status == OutboxStatus.Delivered
            && _harness.Log.Collector.WithEventId(StoppedEvent).Count == 1
            && r.All(e => e.LeaseOwner is null));
        var sent = _harness.Posts.Count;
        await _harness.AdvanceAsync(3 * 30);

        var discord = (await _harness.Outbox.AllAsync()).Where(r => r.Target.StartsWith("discord:", StringComparison.Ordinal)).ToList();
        Assert.All(discord, r => Assert.Equal((OutboxStatus.Pending, 0, null), (r.Status, r.Attempts, r.LastError)));
        Assert.Equal(sent, _harness.Posts.Count);
        Assert.InRange(sent, 1, 2);
        var stopped = Assert.Single(_harness.Log.Collector.WithEventId(StoppedEvent));
        Assert.Equal("discord", stopped.GetStructuredStateValue("Transport"));
        Assert.Equal((0, false), await HealthOf("discord:1:10"));
    }

    [DatabaseFact]
    public async Task Unauthorized_ThenTheTokenWorksAgain_OnePostIsTriedAfterMaxRetryDelay_AndTheQueuedPostsGo()
    {
        var refused = true;
        var answer = _harness.Rest.Server.Default;
        _harness.Rest.Server.Default = request => Volatile.Read(ref refused) ? FakeDiscordRestResponse.Error(401, 0, "401: Unauthorized") : answer(request);
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "a-1");
        await _harness.Outbox.EnqueueAsync("discord:2:20", "epigraph", Payload, "b-1");

        await _harness.StartWorkerAsync();
        await _harness.WaitForOutboxAsync(_ => _harness.Log.Collector.WithEventId(StoppedEvent).Count == 1);
        Volatile.Write(ref refused, false);
        // A row is written delivered before the worker logs it (and the transport's return before that), so the
        // wait is for both rows' log entries, not only for the rows.
        var rows = await _harness.AdvanceUntilAsync(
            r => r.All(e => e.Status == OutboxStatus.Delivered) && _harness.Log.Collector.WithEventId(DeliveredEvent).Count == 2,
            maxSeconds: (int)_harness.Options.MaxRetryDelay.TotalSeconds + 60);

        Assert.All(rows, r => Assert.Equal(1, r.Attempts)); // the send that went through; the refused ones left the row untouched
        Assert.Single(_harness.Log.Collector.WithEventId(StoppedEvent));
        Assert.Equal("discord", Assert.Single(_harness.Log.Collector.WithEventId(7113)).GetStructuredStateValue("Transport"));
    }

    [DatabaseFact]
    public async Task UnexpectedError_IsRetriedMaxAttemptsTimes_ThenDeadLettered_AndTheNextRowOfTheTargetGoes()
    {
        _harness.Options.MaxAttempts = 3;
        var channel = new Mock<IDeliveryChannel>();
        channel.Setup(c => c.Kind).Returns(TargetKind.Console);
        channel.Setup(c => c.SendAsync(It.Is<OutboxEntry>(e => e.Payload == "poison"), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        channel.Setup(c => c.SendAsync(It.Is<OutboxEntry>(e => e.Payload == "fine"), It.IsAny<CancellationToken>())).ReturnsAsync(SendResult.Delivered(null));
        await _harness.Outbox.EnqueueAsync("console", "epigraph", "poison", "poison");
        await _harness.Outbox.EnqueueAsync("console", "epigraph", "fine", "fine");

        await _harness.StartWorkerAsync(channel.Object);
        var rows = await _harness.AdvanceUntilAsync(r => r.All(e => e.Status != OutboxStatus.Pending));

        Assert.Equal((OutboxStatus.Failed, 3, 3, "disk full"), (rows[0].Status, rows[0].Attempts, rows[0].UnexpectedFailures, rows[0].LastError));
        Assert.Equal(OutboxStatus.Delivered, rows[1].Status);
        var deadLettered = Assert.Single(_harness.Log.Collector.WithEventId(DeadLetteredEvent));
        Assert.Equal("3", deadLettered.GetStructuredStateValue("Attempts"));
        Assert.Equal((0, false), await HealthOf("console"));
    }

    [DatabaseFact]
    public async Task TransientErrors_DoNotCountTowardMaxAttempts()
    {
        _harness.Options.MaxAttempts = 1;
        _harness.FailFirstRequests(3, FakeDiscordRestResponse.Error(503, 0, "Service Unavailable"));
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "key");

        await _harness.StartWorkerAsync();
        var row = (await _harness.AdvanceUntilAsync(r => r[0].Status != OutboxStatus.Pending))[0];

        Assert.Equal((OutboxStatus.Delivered, 4, 0), (row.Status, row.Attempts, row.UnexpectedFailures));
    }

    [DatabaseFact]
    public async Task RowFallingDueWhileTheWorkerIsBusy_GoesOutWithoutWaitingAPollInterval()
    {
        var hang = new TaskCompletionSource();
        var answer = _harness.Rest.Server.Default;
        _harness.Rest.Server.Default = request => request.Path.Contains("/channels/10/", StringComparison.Ordinal)
            ? answer(request) with { HoldUntil = hang.Task }
            : answer(request);
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "slow");
        await _harness.Outbox.EnqueueAsync("discord:2:20", "epigraph", Payload, "retrying");
        var retrying = (await _harness.Outbox.AllAsync())[1];
        await _harness.Outbox.MarkRetryAsync(retrying.Id, "503", _harness.Rest.Time.GetUtcNow().AddSeconds(5));

        var worker = await _harness.StartWorkerAsync();
        await _harness.Rest.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        _harness.Rest.Time.Advance(TimeSpan.FromSeconds(5));
        var rows = await _harness.WaitForOutboxAsync(r => r[1].Status == OutboxStatus.Delivered);
        hang.SetResult();
        await DeliveryHarness.StopAsync(worker);

        Assert.Equal(OutboxStatus.Pending, rows[0].Status);
    }

    private const int DeliveredEvent = 7100;
    private const int InvalidEvent = 7102;
    private const int DeadLetteredEvent = 7105;
    private const int StoppedEvent = 7106;

    private async Task<(int Failures, bool Paused)> HealthOf(string target)
    {
        var health = await _harness.Health.GetAsync(target);
        return (health.ConsecutiveFailures, health.Paused);
    }

    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(30);
}
