using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Cluster;
using CommunityBot.Storage;
using CommunityBot.Tests.Clients.Discord.Gateway;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CommunityBot.Tests.Storage;

/// <summary>Instances that run shards of one bot, each with its own gate and connections, on one PostgreSQL database.</summary>
[OnPostgres]
public sealed class DatabaseIdentifyGateTests : IAsyncLifetime, IDisposable
{
    private const int WaitingEvent = 4510;
    private const int FailedEvent = 4511;

    private readonly FakeLogCollector _logs = FakeLogs.Collector();
    private readonly ILoggerFactory _loggers;
    private TestDatabase _db = null!;

    public DatabaseIdentifyGateTests() =>
        _loggers = LoggerFactory.Create(l => l.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(_logs)));

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _loggers.Dispose();

    [DatabaseFact]
    public async Task TwoInstances_ShardsInOneBucket_IdentifyFiveSecondsApart_TheSecondWaitingForTheFirstsTurn()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Provider.MaxConcurrency = 1;
        harness.StartInstance(Shard(0), Gate("instance-a", harness.Time));
        harness.StartInstance(Shard(1), Gate("instance-b", harness.Time));

        var (_, first) = await harness.Gateway.NextHandshakeAsync();
        await harness.Time.WaitForTimerAsync(IGatewayIdentifyGate.Window);
        await _logs.WhenLogged(WaitingEvent);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
        harness.Time.Advance(IGatewayIdentifyGate.Window);
        var (_, second) = await harness.Gateway.NextHandshakeAsync();

        Assert.Equal((2, 2), (first.Op, second.Op));
        var shards = new[] { ShardOf(first), ShardOf(second) };
        Assert.Equal([0, 1], shards.Order());
        Assert.True(second.At - first.At >= IGatewayIdentifyGate.Window, $"IDENTIFYs {second.At - first.At} apart in one bucket");
        var waited = _logs.WithEventId(WaitingEvent)[0];
        Assert.Equal(shards[0] == 0 ? "instance-a" : "instance-b", waited.GetStructuredStateValue("Owner"));
        Assert.Equal(shards[1].ToString(System.Globalization.CultureInfo.InvariantCulture), waited.GetStructuredStateValue("ShardId"));
    }

    [DatabaseFact]
    public async Task TwoInstances_ShardsInDifferentBuckets_IdentifyAtOnce()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Provider.MaxConcurrency = 2;
        harness.StartInstance(Shard(0), Gate("instance-a", harness.Time));
        harness.StartInstance(Shard(1), Gate("instance-b", harness.Time));

        var (_, first) = await harness.Gateway.NextHandshakeAsync();
        var (_, second) = await harness.Gateway.NextHandshakeAsync();

        Assert.Equal([0, 1], new[] { ShardOf(first), ShardOf(second) }.Order());
        Assert.Equal(first.At, second.At);
        Assert.Empty(_logs.WithEventId(WaitingEvent));
    }

    [DatabaseFact]
    public async Task IdentifySent_PushesTheBucketsWindow_ForTheOtherInstanceToo()
    {
        var time = new FakeTimeProvider();
        var a = Gate("instance-a", time);
        var b = Gate("instance-b", time);
        await a.WaitAsync(0, 1, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        await a.IdentifySentAsync(0, 1, CancellationToken.None);

        var waiting = b.WaitAsync(1, 1, CancellationToken.None).AsTask();
        await _logs.WhenLogged(WaitingEvent);
        time.Advance(TimeSpan.FromSeconds(2));
        await Task.Yield();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        await waiting.WaitAsync(FakeDiscordGateway.Timeout);

        var waited = Assert.Single(_logs.WithEventId(WaitingEvent));
        Assert.Equal(("instance-a", TimeSpan.FromSeconds(5).ToString()), (waited.GetStructuredStateValue("Owner"), waited.GetStructuredStateValue("Wait")));
    }

    [DatabaseFact]
    public async Task DatabaseUnreachable_TheShardWaitsAndAsksAgain_InsteadOfIdentifyingUncoordinated()
    {
        var time = new FakeTimeProvider();
        var missing = new NpgsqlConnectionStringBuilder(_db.Options.ConnectionString) { Database = "communitybot_no_such_database" };
        var gate = new DatabaseIdentifyGate(
            new BotDatabase(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = missing.ConnectionString })),
            time, Options.Create(new ClusterOptions { InstanceId = "instance-a" }), _loggers.CreateLogger<DatabaseIdentifyGate>());

        using var stop = new CancellationTokenSource();
        var waiting = gate.WaitAsync(0, 1, stop.Token).AsTask();
        await _logs.WhenLogged(FailedEvent);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(DatabaseIdentifyGate.RetryAfterFailure.ToString(), _logs.WithEventId(FailedEvent)[0].GetStructuredStateValue("Wait"));
        time.Advance(DatabaseIdentifyGate.RetryAfterFailure);
        await _logs.WhenLogged(_ => _logs.WithEventId(FailedEvent).Count >= 2);
        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(FakeDiscordGateway.Timeout));
    }

    private DatabaseIdentifyGate Gate(string instance, TimeProvider time) =>
        new(new BotDatabase(Options.Create(_db.Options)), time, Options.Create(new ClusterOptions { InstanceId = instance }), _loggers.CreateLogger<DatabaseIdentifyGate>());

    private static DiscordGatewayOptions Shard(int id) => new() { Token = GatewayHarness.Token, ShardCount = 2, ShardIds = [id] };

    private static int ShardOf(FakeDiscordGatewayReceived identify) => identify.Data.GetProperty("shard")[0].GetInt32();
}
