using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Scheduling;

/// <summary>The real Quartz scheduler with its job store in the test's SQLite file, driven by fake time.</summary>
public class EpigraphSchedulerTests : IAsyncLifetime, IDisposable
{
    private readonly string _provider;

    public EpigraphSchedulerTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected EpigraphSchedulerTests(string provider) => _provider = provider;

    private static readonly CronSchedule _nineInBerlin = CronSchedule.Parse("0 9 * * *", "Europe/Berlin");
    private readonly TempEssayFolder _essays = new();
    private readonly FakeLoggerProvider _logProvider = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_provider);
        _essays.Write("alpha.md", TempEssayFolder.Essay("Alpha", "First words."));
        _essays.Write("beta.md", TempEssayFolder.Essay("Beta", "Second words."));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose()
    {
        _essays.Dispose();
        _logProvider.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The bot in local mode: the console is a target, on Schedule:Epigraph (09:00 Berlin unless <paramref name="cron"/>).</summary>
    private SchedulingHost Host(FakeTimeProvider time, string? cron = null) => SchedulingHost.Create(
        _db,
        _essays.Path,
        time,
        new SeededRandom(7),
        _logProvider,
        cron is null ? null : new() { ["Schedule:Epigraph:Cron"] = cron },
        s => s.AddEpigraphTargets<ConsoleEpigraphTargetSource>());

    private static FakeTimeProvider At(int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    [DatabaseFact]
    public async Task Trigger_AcrossTheMarchChange_PostsAtNineBerlinTime()
    {
        var time = At(3, 27, 12);
        await using var host = Host(time);
        await host.StartAsync();
        var runs = JobRuns.Attach(await host.QuartzAsync());
        await host.Scheduler.ScheduleAsync("console", _nineInBerlin, CancellationToken.None);

        var fired = new List<DateTimeOffset>();
        for (var i = 0; i < 3; i++)
        {
            var next = await host.Scheduler.NextFireAsync("console", CancellationToken.None);
            time.SetUtcNow(next!.Value);
            fired.Add((await runs.NextAsync()).ScheduledFireTimeUtc!.Value);
        }

        // Winter time (UTC+1) on the 28th, summer time (UTC+2) from the 29th: 09:00 local each day.
        Assert.Equal(
            [new(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), new(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), new(2026, 3, 30, 7, 0, 0, TimeSpan.Zero)],
            fired);
        Assert.All(fired, f => Assert.Equal(new TimeSpan(9, 0, 0), TimeZoneInfo.ConvertTime(f, _nineInBerlin.TimeZone).TimeOfDay));
        var keys = (await host.Outbox.AllAsync()).Select(e => e.IdempotencyKey);
        Assert.Equal(["epigraph:console:202603280800", "epigraph:console:202603290700", "epigraph:console:202603300700"], keys);
    }

    [DatabaseFact]
    public async Task Trigger_EveryTenSeconds_PostsEveryFireTimeOnce()
    {
        var time = At(6, 1, 12);
        await using var host = Host(time);
        await host.StartAsync();
        var runs = JobRuns.Attach(await host.QuartzAsync());
        await host.Scheduler.ScheduleAsync("console", CronSchedule.Parse("0/10 * * * * ?", "UTC"), CancellationToken.None);

        for (var i = 0; i < 6; i++)
        {
            var next = await host.Scheduler.NextFireAsync("console", CancellationToken.None);
            time.SetUtcNow(next!.Value);
            await runs.NextAsync();
        }

        // A minute of fire times, each its own post: keyed to the second, none taken for one already queued.
        var keys = (await host.Outbox.AllAsync()).Select(e => e.IdempotencyKey);
        Assert.Equal(
            ["epigraph:console:202606011200", "epigraph:console:20260601120010", "epigraph:console:20260601120020",
             "epigraph:console:20260601120030", "epigraph:console:20260601120040", "epigraph:console:20260601120050"],
            keys);
    }

    [DatabaseFact]
    public async Task Schedule_ReplacesTheTrigger_UnscheduleRemovesIt()
    {
        await using var host = Host(At(6, 1, 12));
        await host.StartAsync();

        await host.Scheduler.ScheduleAsync("discord:1:2", _nineInBerlin, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 7, 0, 0, TimeSpan.Zero), await host.Scheduler.NextFireAsync("discord:1:2", CancellationToken.None));

        await host.Scheduler.ScheduleAsync("discord:1:2", CronSchedule.Parse("30 18 * * *", "America/New_York"), CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 22, 30, 0, TimeSpan.Zero), await host.Scheduler.NextFireAsync("discord:1:2", CancellationToken.None));

        await host.Scheduler.UnscheduleAsync("discord:1:2", CancellationToken.None);
        Assert.Null(await host.Scheduler.NextFireAsync("discord:1:2", CancellationToken.None));
    }

    [DatabaseFact]
    public async Task Sync_SchedulesEveryTarget_AndRemovesTheOnesThatAreGone()
    {
        await using var host = Host(At(6, 1, 12));
        await host.StartAsync();
        await host.Scheduler.SyncAsync([new("console", _nineInBerlin), new("discord:1:2", _nineInBerlin)], new HashSet<TargetKind> { TargetKind.Console, TargetKind.Discord }, CancellationToken.None);

        await host.Scheduler.SyncAsync([new("discord:1:2", _nineInBerlin), new("discord:3:4", _nineInBerlin)], new HashSet<TargetKind> { TargetKind.Console, TargetKind.Discord }, CancellationToken.None);

        Assert.Null(await host.Scheduler.NextFireAsync("console", CancellationToken.None));
        Assert.NotNull(await host.Scheduler.NextFireAsync("discord:1:2", CancellationToken.None));
        Assert.NotNull(await host.Scheduler.NextFireAsync("discord:3:4", CancellationToken.None));
    }

    [DatabaseFact]
    public async Task Misfire_InsideTheGraceWindow_PostsOnceOnStart()
    {
        await using (var before = Host(At(3, 28, 7)))
        {
            await before.StartAsync();
        }

        // Down from 07:00 to 10:30 UTC: the 08:00 UTC post is 2.5 hours late, inside the default 6 hours.
        await using var after = Host(At(3, 28, 10, 30));
        var runs = JobRuns.Attach(await after.QuartzAsync());
        await after.StartAsync();
        await runs.NextAsync();

        var row = Assert.Single(await after.Outbox.AllAsync());
        Assert.Equal("epigraph:console:202603280800", row.IdempotencyKey);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), await after.Scheduler.NextFireAsync("console", CancellationToken.None));
        Assert.Equal(0, runs.Pending);
    }

    [DatabaseFact]
    public async Task Misfire_OfManyHourlyPosts_PostsOnlyTheLatest()
    {
        await using (var before = Host(At(3, 28, 7, 30), "0 * * * *"))
        {
            await before.StartAsync();
        }

        await using var after = Host(At(3, 28, 11, 20), "0 * * * *");
        var runs = JobRuns.Attach(await after.QuartzAsync());
        await after.StartAsync();
        await runs.NextAsync();

        // 08:00, 09:00, 10:00 and 11:00 were missed: one post, for 11:00, never a burst.
        var row = Assert.Single(await after.Outbox.AllAsync());
        Assert.Equal("epigraph:console:202603281100", row.IdempotencyKey);
        Assert.Equal(0, runs.Pending);
    }

    [DatabaseFact]
    public async Task Misfire_OutsideTheGraceWindow_IsSkippedAndLogged()
    {
        await using (var before = Host(At(3, 28, 7)))
        {
            await before.StartAsync();
        }

        // Down until 15:00 UTC: the 08:00 post is 7 hours late.
        await using var after = Host(At(3, 28, 15));
        var runs = JobRuns.Attach(await after.QuartzAsync());
        await after.StartAsync();
        await runs.NextAsync();

        Assert.Empty(await after.Outbox.AllAsync());
        var skipped = Assert.Single(_logProvider.Collector.GetSnapshot(), r => r.Id.Id == 5000);
        Assert.Equal(LogLevel.Warning, skipped.Level);
        Assert.Equal("console", skipped.GetStructuredStateValue("Target"));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), await after.Scheduler.NextFireAsync("console", CancellationToken.None));
    }

    [DatabaseFact]
    public async Task Restart_WithAChangedSchedule_ReplacesTheTrigger()
    {
        await using (var before = Host(At(3, 28, 7)))
        {
            await before.StartAsync();
        }

        await using var after = Host(At(3, 28, 7, 10), "30 7 * * *");
        await after.StartAsync();

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 30, 0, TimeSpan.Zero), await after.Scheduler.NextFireAsync("console", CancellationToken.None));
    }
}
