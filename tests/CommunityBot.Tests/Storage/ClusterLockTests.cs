using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Storage;

/// <summary>Two instances, each with its own <see cref="ClusterLock"/> and connection, on one PostgreSQL database.</summary>
[OnPostgres]
public sealed class ClusterLockTests : IAsyncLifetime, IDisposable
{
    private static readonly ClusterWork _feed = ClusterWork.Feed("https://journal.example/feed.xml");
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggers;
    private TestDatabase _db = null!;

    public ClusterLockTests() => _loggers = LoggerFactory.Create(l => l.AddProvider(new FakeLoggerProvider(_logs)));

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _loggers.Dispose();

    private ClusterLock Instance(string name) =>
        new(new BotDatabase(Options.Create(_db.Options)), _loggers.CreateLogger<ClusterLock>(), name);

    [DatabaseFact]
    public async Task HoldsAsync_TwoInstances_OnlyTheFirstToAskDoesTheWork_AndKeepsIt()
    {
        using var a = Instance("a");
        using var b = Instance("b");

        Assert.True(await a.HoldsAsync(_feed, CancellationToken.None));
        Assert.False(await b.HoldsAsync(_feed, CancellationToken.None));
        Assert.True(await a.HoldsAsync(_feed, CancellationToken.None));
        Assert.False(await b.HoldsAsync(_feed, CancellationToken.None));

        var taken = Assert.Single(_logs.WithEventId(4500));
        Assert.Equal(("a", _feed.Name), (taken.GetStructuredStateValue("Instance"), taken.GetStructuredStateValue("Work")));
    }

    [DatabaseFact]
    public async Task HoldsAsync_DifferentWork_IsHeldApart()
    {
        using var a = Instance("a");
        using var b = Instance("b");

        Assert.True(await a.HoldsAsync(_feed, CancellationToken.None));

        Assert.True(await b.HoldsAsync(ClusterWork.Mentions("main"), CancellationToken.None));
        Assert.True(await b.HoldsAsync(ClusterWork.EssayFolder, CancellationToken.None));
    }

    [DatabaseFact]
    public async Task HoldsAsync_HolderDies_TheOtherTakesOverAtItsNextAsk()
    {
        var a = Instance("a");
        using var b = Instance("b");
        Assert.True(await a.HoldsAsync(_feed, CancellationToken.None));
        Assert.False(await b.HoldsAsync(_feed, CancellationToken.None));

        // Its connection closes, as when the process is killed: the server ends the session and drops its locks.
        a.Dispose();
        await ClusterLockRelease.WaitAsync(_db, _feed);

        Assert.True(await b.HoldsAsync(_feed, CancellationToken.None));
        Assert.Equal(["a", "b"], _logs.WithEventId(4500).Select(e => e.GetStructuredStateValue("Instance")));
        Assert.Equal("a", Assert.Single(_logs.WithEventId(4502)).GetStructuredStateValue("Instance"));
    }

    [DatabaseFact]
    public async Task HoldsAsync_HoldersSessionIsKilled_LogsTheLossOnce_AndTakesTheWorkAgainWhenFree()
    {
        using var a = Instance("a");
        Assert.True(await a.HoldsAsync(_feed, CancellationToken.None));
        await using (var admin = await _db.Database.OpenAsync())
        {
            await admin.ExecuteAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        }
        await ClusterLockRelease.WaitAsync(_db, _feed);

        Assert.False(await a.HoldsAsync(_feed, CancellationToken.None));
        Assert.True(await a.HoldsAsync(_feed, CancellationToken.None));

        Assert.Equal("a", Assert.Single(_logs.WithEventId(4501)).GetStructuredStateValue("Instance"));
        Assert.Equal(2, _logs.WithEventId(4500).Count);
    }
}
