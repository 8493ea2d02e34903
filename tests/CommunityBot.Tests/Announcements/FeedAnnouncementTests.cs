using System.Text.Json;
using System.Threading.Channels;
using CommunityBot.Announcements;
using CommunityBot.Content;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Announcements;

public class FeedAnnouncementTests : IAsyncLifetime, IDisposable
{
    private readonly string _provider;

    public FeedAnnouncementTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected FeedAnnouncementTests(string provider) => _provider = provider;

    private static readonly TimeSpan _interval = TimeSpan.FromMinutes(15);
    private readonly TempEssayFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private FakeFeedServer _server = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_provider);
        _server = await FakeFeedServer.StartAsync();
        _folder.Write("poetic-resistance.md", TempEssayFolder.Essay("Poetic Resistance"));
        _folder.Write("expansive-solidarity.md", TempEssayFolder.Essay("Expansive Solidarity"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<AnnouncementHarness> StartAsync(params string[] paths) =>
        AnnouncementHarness.StartAsync(_db, _folder.Path, _time, [.. paths.Select(_server.Url)], _interval);

    /// <summary>A bot that took its baseline from <paramref name="first"/> and then polled <paramref name="then"/> once.</summary>
    private async Task<AnnouncementHarness> BaselineThenPollAsync(string path, string first, string then)
    {
        _server.Serve(path, first);
        var bot = await StartAsync(path);
        await PollAsync(bot);
        _server.Serve(path, then);
        _time.Advance(_interval);
        await PollAsync(bot);
        return bot;
    }

    private static async Task PollAsync(AnnouncementHarness bot) => await bot.Poller.PollDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    private static IEnumerable<string> KeysFor(IEnumerable<OutboxEntry> rows, string target) =>
        rows.Where(r => r.Target == target).OrderBy(r => r.Id).Select(r => r.IdempotencyKey);

    [DatabaseFact]
    public async Task FirstPoll_IsABaseline_ThenNewItemsAreAnnouncedOnce_OldestFirst()
    {
        _server.Serve("/journal", "journal.rss");
        await using var bot = await StartAsync("/journal");

        await PollAsync(bot);
        Assert.Empty(await bot.AnnouncementsAsync());
        Assert.True(await bot.Announced.CountAsync(FeedPoller.SourceOf(_server.Url("/journal")), AnnouncedRepository.Baseline) >= 4);

        _server.Serve("/journal", "journal-updated.rss");
        _time.Advance(_interval);
        await PollAsync(bot);
        _time.Advance(_interval);
        await PollAsync(bot);

        var rows = await bot.AnnouncementsAsync();
        Assert.Equal(6, rows.Count);
        var guid = "id:5f1a2b3c4d5e6f7a8b9c0d1e:60aa11bb22cc33dd44ee55ff:69a0000000000000000000";
        Assert.Equal([Announcer.IdempotencyKey(guid + "03", "console"), Announcer.IdempotencyKey(guid + "04", "console")], KeysFor(rows, "console"));
        Assert.Equal(3, _server.RequestsTo("/journal").Count);
        using var payload = System.Text.Json.JsonDocument.Parse(rows.First(r => r.Target == AnnouncementHarness.DiscordTarget).Payload);
        Assert.Equal("https://www.rights-studio.org/journal/quiet-courage", payload.RootElement.GetProperty("embeds")[0].GetProperty("url").GetString());
    }

    [DatabaseFact]
    public async Task AnAtomFeed_IsReadToo()
    {
        await using var bot = await BaselineThenPollAsync("/journal.atom", "journal.atom", "journal-updated.atom");

        var rows = await bot.AnnouncementsAsync();
        Assert.Equal(["announce:id:urn:uuid:7f9e1c2a-0000-4000-8000-000000000002:console"], KeysFor(rows, "console"));
        Assert.Contains("Common Ground (Mar 6, 2026)", rows.Single(r => r.Target == "console").Payload, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AnUnchangedFeed_IsAskedConditionally_And304AnnouncesNothing()
    {
        var modified = new DateTimeOffset(2026, 3, 5, 22, 9, 14, TimeSpan.Zero);
        _server.Serve("/journal", "journal.rss", etag: "\"v1\"", lastModified: modified);
        await using var bot = await StartAsync("/journal");
        await PollAsync(bot);

        _time.Advance(_interval);
        await PollAsync(bot);

        var second = _server.RequestsTo("/journal")[1];
        Assert.Equal("\"v1\"", second.IfNoneMatch);
        Assert.Equal("Thu, 05 Mar 2026 22:09:14 GMT", second.IfModifiedSince);
        Assert.Null(_server.RequestsTo("/journal")[0].IfNoneMatch);
        Assert.Empty(await bot.AnnouncementsAsync());
        var state = await bot.States.GetAsync(FeedPoller.SourceOf(_server.Url("/journal")));
        Assert.Equal(0, state!.Failures);
        Assert.Equal(_time.GetUtcNow() + _interval, state.NextPollAt);
    }

    [DatabaseFact]
    public async Task MalformedXmlAndA500_AreLogged_BackOffLongerEachTime_AndOtherFeedsKeepBeingPolled()
    {
        _server.Serve("/broken", "malformed.rss");
        _server.Fail("/down", 500);
        _server.Serve("/journal", "journal.rss");
        await using var bot = await StartAsync("/broken", "/down", "/journal");

        await PollAsync(bot);
        Assert.Contains(bot.Logs.WithEventId(4101), r => r.GetStructuredStateValue("Url") == _server.Url("/broken") && r.GetStructuredStateValue("Reason")!.StartsWith("the answer is not a feed", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.WithEventId(4101), r => r.GetStructuredStateValue("Url") == _server.Url("/down") && r.GetStructuredStateValue("Reason")!.StartsWith("the server answered HTTP 500", StringComparison.Ordinal));
        Assert.Equal(
            [(_server.Url("/broken"), nameof(FeedFailure.NotAFeed)), (_server.Url("/down"), nameof(FeedFailure.HttpStatus))],
            bot.Logs.WithEventId(4101).Select(e => (e.GetStructuredStateValue("Url"), e.GetStructuredStateValue("Failure"))).Order());
        var start = _time.GetUtcNow();
        Assert.Equal(start + (2 * _interval), (await bot.States.GetAsync(FeedPoller.SourceOf(_server.Url("/down"))))!.NextPollAt);

        _server.Serve("/journal", "journal-updated.rss");
        _time.Advance(_interval);
        await PollAsync(bot);
        Assert.Single(_server.RequestsTo("/down"));
        Assert.Single(_server.RequestsTo("/broken"));
        Assert.Equal(2, _server.RequestsTo("/journal").Count);
        Assert.Equal(6, (await bot.AnnouncementsAsync()).Count);

        _time.Advance(_interval);
        await PollAsync(bot);
        Assert.Equal(2, _server.RequestsTo("/down").Count);
        var down = (await bot.States.GetAsync(FeedPoller.SourceOf(_server.Url("/down"))))!;
        Assert.Equal(2, down.Failures);
        Assert.Equal(_time.GetUtcNow() + (4 * _interval), down.NextPollAt);
    }

    [DatabaseFact]
    public async Task AFeedThatFailsAtFirst_TakesItsBaselineWhenItWorks()
    {
        _server.Fail("/journal", 503);
        await using var bot = await StartAsync("/journal");
        await PollAsync(bot);

        _server.Serve("/journal", "journal-updated.rss");
        _time.Advance(2 * _interval);
        await PollAsync(bot);

        Assert.Empty(await bot.AnnouncementsAsync());
        Assert.Contains(bot.Logs.WithEventId(4102), r => r.GetStructuredStateValue("Failures") == "1");
    }

    [DatabaseFact]
    public async Task AnEssayInTheFolderAndTheFeed_IsAnnouncedOnce_AndANewGuidForTheSameLinkIsNotNew()
    {
        _server.Serve("/journal", "journal.rss");
        await using var bot = await StartAsync("/journal");
        await PollAsync(bot);

        await bot.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage")));
        _server.Serve("/journal", "journal-updated.rss");
        _time.Advance(_interval);
        await PollAsync(bot);
        _server.Serve("/journal", "journal-reguid.rss");
        _time.Advance(_interval);
        await PollAsync(bot);
        await bot.ReloadAsync(_folder.Write("tender-defiance.md", TempEssayFolder.Essay("Tender Defiance")));

        var console = KeysFor(await bot.AnnouncementsAsync(), "console").ToList();
        Assert.Equal(
            ["announce:slug:quiet-courage:console", "announce:id:5f1a2b3c4d5e6f7a8b9c0d1e:60aa11bb22cc33dd44ee55ff:69a000000000000000000004:console"],
            console);
    }

    [DatabaseFact]
    public async Task AfterARestart_NoFeedItemIsAnnouncedAgain()
    {
        _server.Serve("/journal", "journal.rss");
        await using (var bot = await StartAsync("/journal"))
        {
            await PollAsync(bot);
            _server.Serve("/journal", "journal-updated.rss");
            _time.Advance(_interval);
            await PollAsync(bot);
            Assert.Equal(6, (await bot.AnnouncementsAsync()).Count);
        }

        _time.Advance(_interval);
        await using var restarted = await StartAsync("/journal");
        await PollAsync(restarted);

        Assert.Equal(6, (await restarted.AnnouncementsAsync()).Count);
        Assert.Equal(3, _server.RequestsTo("/journal").Count);
    }

    [DatabaseFact]
    public async Task PollLoop_AFeedTricklingItsBody_IsCutOffAtItsTimeout_WhileAnotherIsPolledAndAnnouncedOnTime()
    {
        var interval = TimeSpan.FromMinutes(1);
        var timeout = TimeSpan.FromMinutes(3);
        _server.Hold("/slow", "journal.rss");
        _server.Serve("/journal", "journal.rss");
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time, [_server.Url("/slow"), _server.Url("/journal")], interval, timeout);
        var waits = Channel.CreateUnbounded<string>();
        bot.Poller.Waiting += (feed, _) => waits.Writer.TryWrite(feed.Url);
        async Task WaitingAsync(string path)
        {
            while (await waits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)) != _server.Url(path))
            {
            }
        }

        await bot.StartPollingAsync();
        await _server.HoldingAsync("/slow").WaitAsync(TimeSpan.FromSeconds(10));
        await WaitingAsync("/journal");
        _server.Serve("/journal", "journal-updated.rss");
        _time.Advance(interval);
        await WaitingAsync("/journal");

        Assert.Equal(6, (await bot.AnnouncementsAsync()).Count);
        Assert.Single(_server.RequestsTo("/slow"));
        Assert.Empty(bot.Logs.WithEventId(4101));

        _time.Advance(timeout - interval);
        await WaitingAsync("/slow");

        var failure = Assert.Single(bot.Logs.WithEventId(4101));
        Assert.Equal(_server.Url("/slow"), failure.GetStructuredStateValue("Url"));
        Assert.Equal(nameof(FeedFailure.TimedOut), failure.GetStructuredStateValue("Failure"));
        Assert.Equal("1", failure.GetStructuredStateValue("Failures"));
        var slow = (await bot.States.GetAsync(FeedPoller.SourceOf(_server.Url("/slow"))))!;
        Assert.Equal(_time.GetUtcNow() + (2 * interval), slow.NextPollAt);
        Assert.Null(slow.Cursor);
    }

    [DatabaseFact]
    public async Task Poll_HostileItem_IsAnnouncedWithoutItsJavascriptLink_WithAWarning_AndItsTitleEscapedAndClean()
    {
        await using var bot = await BaselineThenPollAsync("/journal", "journal.rss", "hostile.rss");

        var rows = await bot.AnnouncementsAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(Announcer.IdempotencyKey("id:hostile-1", r.Target), r.IdempotencyKey));
        Assert.All(rows, r => Assert.DoesNotContain("javascript", r.Payload, StringComparison.OrdinalIgnoreCase));
        using var discord = JsonDocument.Parse(rows.Single(r => r.Target == AnnouncementHarness.DiscordTarget).Payload);
        var message = discord.RootElement;
        Assert.Equal(@"<@&333> New essay: \[Log in to Discord\]\(https://evil.example/login\)2J", message.GetProperty("content").GetString());
        var embed = message.GetProperty("embeds")[0];
        Assert.Equal(@"\[Log in to Discord\]\(https://evil.example/login\)2J", embed.GetProperty("title").GetString());
        Assert.False(embed.TryGetProperty("url", out var url) && url.ValueKind != JsonValueKind.Null);
        var status = JsonDocument.Parse(rows.Single(r => r.Target == AnnouncementHarness.MastodonTarget).Payload).RootElement.GetProperty("status").GetString()!;
        Assert.Contains("[Log in to Discord](https://evil.example/login)2J", status, StringComparison.Ordinal);
        Assert.DoesNotContain(status, c => ControlCharacters.IsControl(c) && c != '\n');

        var warning = Assert.Single(bot.Logs.WithEventId(4104));
        Assert.Equal(_server.Url("/journal"), warning.GetStructuredStateValue("Url"));
        Assert.Equal(nameof(FeedLinkProblem.NotHttp), warning.GetStructuredStateValue("LinkProblem"));
        Assert.Equal("[Log in to Discord](https://evil.example/login)2J", warning.GetStructuredStateValue("Title"));
        Assert.All(bot.Logs.GetSnapshot(), r => Assert.DoesNotContain('\u009b', r.AllText()));
    }

    [DatabaseFact]
    public async Task Poll_AFeedSendingMoreThanTheLimit_IsCutOff_AndLoggedAsTooLarge()
    {
        _server.ServeText("/huge", "<rss version=\"2.0\"><channel>" + new string(' ', (int)FeedPoller.MaxFeedBytes) + "</channel></rss>");
        await using var bot = await StartAsync("/huge");

        await PollAsync(bot);

        var failure = Assert.Single(bot.Logs.WithEventId(4101));
        Assert.Equal(nameof(FeedFailure.TooLarge), failure.GetStructuredStateValue("Failure"));
        Assert.Equal(1, (await bot.States.GetAsync(FeedPoller.SourceOf(_server.Url("/huge"))))!.Failures);
    }
}
