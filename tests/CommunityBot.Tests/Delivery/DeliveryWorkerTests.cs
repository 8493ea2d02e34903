using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Moq;

namespace CommunityBot.Tests.Delivery;

public sealed class DeliveryWorkerTests : IAsyncLifetime
{
    private const string Payload = """{"content":"An epigraph","allowed_mentions":{"parse":[]}}""";
    private DeliveryHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await DeliveryHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
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

    [Fact]
    public async Task TimeoutAfterDiscordCreatedTheMessage_RetrySendsTheSameNonce_AndNothingDoubles()
    {
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "key-1");
        var hang = new TaskCompletionSource();
        var first = true;
        var answer = _harness.Rest.Server.Default;
        _harness.Rest.Server.Default = request =>
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

        var worker = await _harness.StartWorkerAsync();
        await _harness.Rest.Time.WaitForTimerAsync(due => due == DiscordRestHarnessTimeout);
        _harness.Rest.Time.Advance(DiscordRestHarnessTimeout);
        var retried = await _harness.WaitForOutboxAsync(r => r[0].Attempts == 1);
        Assert.Equal(OutboxStatus.Pending, retried[0].Status);

        await _harness.AdvanceUntilAsync(r => r[0].Status == OutboxStatus.Delivered);
        hang.SetResult();
        await DeliveryHarness.StopAsync(worker);

        Assert.Equal(2, _harness.Posts.Count);
        Assert.Single(_harness.Posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("nonce").GetString()).Distinct());
        Assert.Equal(1, _harness.MessagesCreated);
    }

    [Fact]
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

    [Fact]
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
        var health = await _harness.Health.GetAsync("discord:6:66");
        Assert.True(health.Paused);
        Assert.Equal(OutboxStatus.Pending, rows.Single(r => r.IdempotencyKey == "broken-4").Status);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_UntilDelivered()
    {
        var failures = 2;
        var answer = _harness.Rest.Server.Default;
        _harness.Rest.Server.Default = request => Interlocked.Decrement(ref failures) >= 0
            ? FakeDiscordRestResponse.Error(502, 0, "Bad Gateway")
            : answer(request);
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "key");

        await _harness.StartWorkerAsync();
        var retried = (await _harness.WaitForOutboxAsync(r => r[0].Attempts == 1))[0];
        Assert.Contains("502", retried.LastError, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), retried.NextAttemptAt - _harness.Rest.Time.GetUtcNow());
        var delivered = (await _harness.AdvanceUntilAsync(r => r[0].Status == OutboxStatus.Delivered))[0];

        Assert.Equal(3, delivered.Attempts);

        Assert.Equal(1, _harness.MessagesCreated);
    }

    [Fact]
    public async Task AChannelThatThrows_IsRetriedNotFatal()
    {
        var channel = new Mock<IDeliveryChannel>();
        channel.Setup(c => c.Prefix).Returns("console");
        channel.Setup(c => c.SendAsync(It.IsAny<OutboxEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        await _harness.Outbox.EnqueueAsync("console", "epigraph", "text", "key");

        await _harness.StartWorkerAsync(channel.Object);
        var row = (await _harness.WaitForOutboxAsync(r => r[0].Attempts == 1))[0];

        Assert.Equal((OutboxStatus.Pending, "disk full"), (row.Status, row.LastError));
    }

    [Fact]
    public async Task UnknownTargetKind_FailsWithAClearReason()
    {
        await _harness.Outbox.EnqueueAsync("carrier-pigeon:1", "epigraph", "text", "key");

        await _harness.StartWorkerAsync();
        var row = (await _harness.WaitForOutboxAsync(r => r[0].Status == OutboxStatus.Failed))[0];

        Assert.Contains("no delivery channel for target 'carrier-pigeon:1'", row.LastError, StringComparison.Ordinal);
    }

    private static TimeSpan DiscordRestHarnessTimeout => Clients.Discord.Rest.DiscordRestHarness.RequestTimeout;
}
