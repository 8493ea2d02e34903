using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Tests.Cards;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Faults;

/// <summary>
/// The database held by another connection's exclusive transaction while the worker runs. Tests run as root, whom a
/// read-only file does not stop, so a lock plays the unwritable database. The bot's connections wait 1 s for a lock here
/// (an operator's "Default Timeout"), instead of the default 10 s, to keep the test short.
/// </summary>
public sealed class LockedStorageTests
{
    private const string Payload = """{"content":"An epigraph","allowed_mentions":{"parse":[]}}""";
    private const int DeliveredEvent = 7100;
    private const int StorageFailedEvent = 7108;
    private const int StorageBackEvent = 7109;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task LockedDatabase_OneClearError_BacksOffInsteadOfLooping_AndDeliveryResumesWhenReleased()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        var database = new BotDatabase(Options.Create(new StorageOptions { ConnectionString = harness.Db.Options.ConnectionString + ";Default Timeout=1" }));
        var outbox = new OutboxRepository(database, harness.Rest.Time);
        var log = new FakeLogger<DeliveryWorker>(FakeLogs.Collector());
        var signal = new DeliverySignal();
        using var worker = new DeliveryWorker(outbox, new TargetHealthRepository(database, harness.Rest.Time),
            [TestCards.Discord(harness.Rest.Client)], signal, Options.Create(new DeliveryOptions { PollInterval = PollInterval }),
            Options.Create(new CommunityBot.Cluster.ClusterOptions()), harness.Rest.Time, log);
        await outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "before");
        await worker.StartAsync(CancellationToken.None);
        await log.Collector.WhenLogged(r => IsDelivered(r, 1), TimeSpan.FromSeconds(30));
        // The worker is idle once it has begun its second poll wait: one began after it claimed row 1, the other after
        // row 1's end woke it and it found nothing due. Before that, a row written now could go out ahead of the lock.
        await harness.Rest.Time.WaitForTimerAsync(PollInterval);
        await harness.Rest.Time.WaitForTimerAsync(PollInterval);
        // Written while the worker is idle and before the lock: in WAL mode the lock stops writers, not readers, so
        // the worker sees this row and must not send it while it cannot record the send.
        await outbox.EnqueueAsync("discord:1:10", "epigraph", Payload, "after");

        await using (var locker = new SqliteConnection(harness.Db.Options.ConnectionString + ";Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }
            signal.Notify();

            // Each failed look at the outbox waits longer (4 s, then 8 s, then 16 s of fake time) before the next: no tight loop.
            foreach (var backoff in new[] { 4, 8 })
            {
                await harness.Rest.Time.WaitForTimerAsync(TimeSpan.FromSeconds(backoff));
                harness.Rest.Time.Advance(TimeSpan.FromSeconds(backoff));
            }
            await harness.Rest.Time.WaitForTimerAsync(TimeSpan.FromSeconds(16));
            var failed = Assert.Single(log.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
            Assert.Equal((StorageFailedEvent, LogLevel.Error), (failed.Id.Id, failed.Level));
            Assert.Contains("database is locked", failed.Exception?.Message, StringComparison.Ordinal);
            Assert.False(worker.ExecuteTask!.IsCompleted);
            Assert.Equal(1, harness.MessagesCreated);

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        harness.Rest.Time.Advance(TimeSpan.FromSeconds(16));

        // The delivery and the word that the outbox is back are logged in either order: the send starts before the
        // worker's look at the outbox ends.
        await log.Collector.WhenLogged(r => IsDelivered(r, 2), TimeSpan.FromSeconds(30));
        await log.Collector.WhenLogged(StorageBackEvent, TimeSpan.FromSeconds(30));
        Assert.Single(log.Collector.WithEventId(StorageBackEvent));
        Assert.Single(log.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(2, harness.MessagesCreated);
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static bool IsDelivered(FakeLogRecord record, long row) =>
        record.Id.Id == DeliveredEvent && record.GetStructuredStateValue("Id") == row.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
