using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CommunityBot.Tests.Scheduling;

/// <summary>
/// Two instances configured differently on one PostgreSQL Quartz store: A has the console and Discord kinds, B a
/// Mastodon account. Each start's trigger sync keeps its own triggers and never deletes the other's. Quartz keeps one
/// scheduler per name in a process and a cluster shares one name, so here the instances start one after the other.
/// </summary>
[OnPostgres]
public sealed class ClusterTargetSyncTests : IAsyncLifetime, IDisposable
{
    private static readonly CronSchedule _nine = CronSchedule.Parse("0 9 * * *", "Europe/Berlin");
    private readonly TempEssayFolder _essays = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public ClusterTargetSyncTests() => _essays.Write("alpha.md", TempEssayFolder.Essay("Alpha"));

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _essays.Dispose();

    private SchedulingHost Instance(params IEpigraphTargetSource[] sources) =>
        SchedulingHost.Create(_db, _essays.Path, _time, new SeededRandom(1), configure: services =>
        {
            foreach (var source in sources)
            {
                services.AddSingleton(source);
            }
        });

    private static async Task<string[]> JobsAsync(SchedulingHost host) =>
        [.. (await (await host.QuartzAsync()).GetJobKeys(GroupMatcher<JobKey>.GroupEquals(EpigraphScheduler.Group))).Select(k => k.Name).Order(StringComparer.Ordinal)];

    [DatabaseFact]
    public async Task Sync_InstancesWithDifferentTargetKinds_EachKeepsItsOwn_AndNeitherDeletesTheOthers()
    {
        var console = new FixedEpigraphTargetSource(TargetKind.Console, new EpigraphTarget("console", _nine));
        var discord = new FixedEpigraphTargetSource(TargetKind.Discord, new EpigraphTarget("discord:1:2", _nine));
        var mastodon = new FixedEpigraphTargetSource(TargetKind.Mastodon, new EpigraphTarget("mastodon:main", _nine));
        await using (var a = Instance(console, discord))
        {
            await a.StartAsync();
        }
        await using (var b = Instance(mastodon))
        {
            await b.StartAsync();

            Assert.Equal(["console", "discord:1:2", "mastodon:main"], await JobsAsync(b));
        }

        // A starts again with its Discord channel gone: its own stale trigger goes, B's stays.
        await using var again = Instance(console, new FixedEpigraphTargetSource(TargetKind.Discord));
        await again.StartAsync();

        Assert.Equal(["console", "mastodon:main"], await JobsAsync(again));
    }

    [DatabaseFact]
    public async Task Sync_AnAccountGoneFromTheInstanceWithMastodon_ItsTriggerIsDeleted()
    {
        await using (var b = Instance(new FixedEpigraphTargetSource(TargetKind.Mastodon, new EpigraphTarget("mastodon:main", _nine))))
        {
            await b.StartAsync();
        }

        await using var again = Instance(new FixedEpigraphTargetSource(TargetKind.Mastodon, new EpigraphTarget("mastodon:other", _nine)));
        await again.StartAsync();

        Assert.Equal(["mastodon:other"], await JobsAsync(again));
    }
}
