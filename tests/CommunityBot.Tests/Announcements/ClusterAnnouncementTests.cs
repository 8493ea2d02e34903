using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using CommunityBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Announcements;

/// <summary>
/// Two instances of the announcements on one PostgreSQL database, one essays folder and one feed: the one holding
/// the work does it, the other does nothing until the holder dies, then takes over.
/// </summary>
[OnPostgres]
public sealed class ClusterAnnouncementTests : IAsyncLifetime, IDisposable
{
    private const int Targets = 3;
    private static readonly TimeSpan _interval = TimeSpan.FromMinutes(15);
    private readonly TempEssayFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private FakeFeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        _server = await FakeFeedServer.StartAsync();
        _folder.Write("poetic-resistance.md", TempEssayFolder.Essay("Poetic Resistance"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    private Task<AnnouncementHarness> StartAsync(params string[] feeds) =>
        AnnouncementHarness.StartAsync(_db, _folder.Path, _time, [.. feeds.Select(_server.Url)], _interval);

    private static Task<DateTimeOffset> PollAsync(AnnouncementHarness bot) =>
        bot.Poller.PollDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    [DatabaseFact]
    public async Task FolderAnnouncers_TwoInstancesOnOneFolder_OnlyTheHolderAnnounces_OncePerTarget_AndTheOtherTakesOverWhenItDies()
    {
        var a = await StartAsync();
        await using var b = await StartAsync();
        try
        {
            await a.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage")));
            await b.ReloadAsync(Path.Combine(_folder.Path, "quiet-courage.md"));

            Assert.Equal(Targets, (await a.AnnouncementsAsync()).Count);
            Assert.Single(a.Logs.WithEventId(4300));
            Assert.Single(a.Logs.WithEventId(4301));
            // B neither took a baseline, nor read the folder against it, nor queued anything.
            Assert.DoesNotContain(b.Logs.GetSnapshot(), e => e.Id.Id is 4300 or 4301 or 4105 or 4500);
        }
        finally
        {
            await a.DisposeAsync();
        }
        await ClusterLockRelease.WaitAsync(_db, ClusterWork.EssayFolder);

        await b.ReloadAsync(_folder.Write("open-doors.md", TempEssayFolder.Essay("Open Doors")));

        Assert.Equal(2 * Targets, (await b.AnnouncementsAsync()).Count);
        Assert.Single(b.Logs.WithEventId(4500), e => e.GetStructuredStateValue("Work") == ClusterWork.EssayFolder.Name);
        Assert.Equal("Open Doors", Assert.Single(b.Logs.WithEventId(4301)).GetStructuredStateValue("Title"));
    }

    [DatabaseFact]
    public async Task FeedPollers_TwoInstancesOnOneFeed_OnlyTheHolderPolls_AndTheOtherTakesOverWhenItDies()
    {
        _server.Serve("/journal", "journal.rss");
        var a = await StartAsync("/journal");
        await using var b = await StartAsync("/journal");
        try
        {
            await PollAsync(a);

            // B asks again after the retry interval instead of polling.
            Assert.Equal(_time.GetUtcNow() + ClusterLock.RetryInterval, await PollAsync(b));
            Assert.Single(_server.RequestsTo("/journal"));
        }
        finally
        {
            await a.DisposeAsync();
        }
        await ClusterLockRelease.WaitAsync(_db, ClusterWork.Feed(_server.Url("/journal")));
        _server.Serve("/journal", "journal-updated.rss");
        _time.Advance(_interval);

        await PollAsync(b);

        Assert.Equal(2, _server.RequestsTo("/journal").Count);
        var announced = await b.AnnouncementsAsync();
        Assert.NotEmpty(announced);
        Assert.Equal(announced.Count, announced.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Equal(0, announced.Count % Targets);
        Assert.Single(b.Logs.WithEventId(4500), e => e.GetStructuredStateValue("Work") == ClusterWork.Feed(_server.Url("/journal")).Name);
    }
}
