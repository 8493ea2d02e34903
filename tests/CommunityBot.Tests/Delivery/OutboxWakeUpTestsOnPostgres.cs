using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Npgsql;

namespace CommunityBot.Tests.Delivery;

/// <summary>LISTEN/NOTIFY across instances: a row enqueued anywhere wakes every instance's worker, without the poll.</summary>
[OnPostgres]
public sealed class OutboxWakeUpTestsOnPostgres : IAsyncLifetime
{
    private const int ListeningEvent = 7120;
    private const int LostEvent = 7121;
    private const string Payload = """{"content":"An epigraph","allowed_mentions":{"parse":[]}}""";

    private DeliveryHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await DeliveryHarness.StartAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [DatabaseFact]
    public async Task EnqueueOnAnotherInstance_WakesTheListeningWorker_WithoutWaitingForThePoll()
    {
        var signal = new DeliverySignal();
        await _harness.StartListenerAsync(signal);
        await WaitForListeningAsync(1);
        await _harness.StartInstanceAsync("instance-b", signal);
        await _harness.Rest.Time.WaitForTimerAsync(_harness.Options.PollInterval);

        // The harness's own repository stands for another instance: a connection of its own, no shared signal.
        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "from-elsewhere");
        await _harness.WaitForOutboxAsync(r => r[0].Status == OutboxStatus.Delivered);

        Assert.Single(_harness.Posts);
    }

    [DatabaseFact]
    public async Task ListeningConnectionKilled_ConnectsAgainAfterASecond_AndWakesAgain()
    {
        var signal = new DeliverySignal();
        await _harness.StartListenerAsync(signal);
        await WaitForListeningAsync(1);
        await _harness.StartInstanceAsync("instance-b", signal);

        await using (var admin = new NpgsqlConnection(_harness.Db.Options.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }
        await WaitUntilAsync(() => _harness.ListenerLog.Collector.WithEventId(LostEvent).Count == 1);
        Assert.Equal(TimeSpan.FromSeconds(1).ToString(), _harness.ListenerLog.Collector.WithEventId(LostEvent)[0].GetStructuredStateValue("Delay"));
        await _harness.Rest.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _harness.Rest.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForListeningAsync(2);
        await _harness.Rest.Time.WaitForTimerAsync(_harness.Options.PollInterval);

        await _harness.Outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "after-reconnect");
        await _harness.WaitForOutboxAsync(r => r[0].Status == OutboxStatus.Delivered);
    }

    private Task WaitForListeningAsync(int times) => WaitUntilAsync(() => _harness.ListenerLog.Collector.WithEventId(ListeningEvent).Count >= times);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the listener never reached the expected state");
            await Task.Delay(5);
        }
    }
}
