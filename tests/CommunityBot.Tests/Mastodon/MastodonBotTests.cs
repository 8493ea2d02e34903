using System.Text.Json;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Mastodon;

public sealed class MastodonBotTests : IAsyncLifetime
{
    private MastodonBotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await MastodonBotHarness.StartAsync();
        foreach (var account in _bot.Accounts.All)
        {
            await _bot.Monitor.CheckAsync(account, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void Start_VerifiesEachAccount_AndLeavesTheBrokenOneOut()
    {
        Assert.Null(_bot.Main.Problem);
        Assert.Equal("epigraphs", _bot.Main.Username);
        var broken = _bot.Accounts.All[1];
        Assert.NotNull(broken.Problem);
        Assert.Contains("broken", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("write:statuses", broken.Problem, StringComparison.Ordinal);
        Assert.Contains(_bot.Logs.WithEventId(4212), r => r.GetStructuredStateValue("Name") == "broken");
        Assert.DoesNotContain(_bot.Logs.GetSnapshot().Select(r => r.AllText()), l => l.Contains(FakeMastodonServer.AccessToken, StringComparison.Ordinal) || l.Contains("revoked-token-0042", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ReadsTheInstanceBudget()
    {
        var instance = JsonDocument.Parse(File.ReadAllText(FakeMastodonResponse.FixturePath("instance_v2.json"))).RootElement
            .GetProperty("configuration").GetProperty("statuses");

        Assert.Equal(instance.GetProperty("max_characters").GetInt32(), _bot.Main.Budget.MaxCharacters);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Mentions_FirstPollIsABaseline_ThenEachMentionIsAnsweredOnceEver()
    {
        await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None);
        Assert.Empty(await _bot.Outbox.AllAsync());
        var baseline = await _bot.Get<SourceStateRepository>().GetAsync("mastodon-mentions:main");
        Assert.Equal("17", baseline!.Cursor);

        // Two new mentions; then the same page again, as after a crash before the cursor was saved.
        _bot.Server.Enqueue("GET", "/api/v1/notifications",
            FakeMastodonResponse.Fixture(200, "notifications_mentions.json"),
            FakeMastodonResponse.Fixture(200, "notifications_mentions.json"));
        await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None);
        await _bot.Get<SourceStateRepository>().SaveAsync(baseline);
        await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None);

        // A reply that does not fit one status is a thread: its first part is the reply's own row, the others follow it.
        var rows = (await _bot.Outbox.AllAsync()).Where(r => r.AfterKey is null).ToList();
        Assert.Equal(["reply:main:15", "reply:main:17"], rows.Select(r => r.IdempotencyKey));
        var older = JsonDocument.Parse(rows[0].Payload).RootElement;
        Assert.StartsWith("@aiueohisama@mstdn.jp ", older.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Contains("Expansive Solidarity", older.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Equal("unlisted", older.GetProperty("visibility").GetString());
        var newer = JsonDocument.Parse(rows[1].Payload).RootElement;
        Assert.Contains("— Albert Camus", newer.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Equal("unlisted", newer.GetProperty("visibility").GetString());
        Assert.False(string.IsNullOrEmpty(newer.GetProperty("in_reply_to_id").GetString()));
        var notificationsQuery = _bot.Server.Requests.Last(r => r.Path == "/api/v1/notifications").QueryString;
        Assert.Contains("min_id=17", notificationsQuery, StringComparison.Ordinal);
        Assert.Contains("types%5B%5D=mention", notificationsQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mentions_ALockedDatabase_IsLoggedAndTheNextPollTriesAgain_NeverStoppingTheHost()
    {
        await using (var locker = new Microsoft.Data.Sqlite.SqliteConnection(_bot.Db.Options.ConnectionString + ";Pooling=False"))
        {
            await locker.OpenAsync();
            await using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();

            await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Contains(_bot.Logs.WithEventId(4204), r => r.GetStructuredStateValue("Name") == "main");
            Assert.Null(await _bot.Get<SourceStateRepository>().GetAsync("mastodon-mentions:main"));
        }

        await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None);
        Assert.Equal("17", (await _bot.Get<SourceStateRepository>().GetAsync("mastodon-mentions:main"))!.Cursor);
    }

    [Fact]
    public async Task Mentions_OnePersonCannotMakeTheBotFlood()
    {
        await using var bot = await MastodonBotHarness.StartAsync(repliesPerPersonPerHour: 1);
        await bot.Monitor.CheckAsync(bot.Main, CancellationToken.None);
        await bot.Get<SourceStateRepository>().SaveAsync(new SourceState("mastodon-mentions:main", ""));
        var mentions = JsonDocument.Parse(File.ReadAllText(FakeMastodonResponse.FixturePath("notifications_mentions.json"))).RootElement;
        var sameAsker = mentions.EnumerateArray().Select(n => n.GetRawText().Replace("aiueohisama@mstdn.jp", "trwnh@mastodon.social", StringComparison.Ordinal));
        bot.Server.Enqueue("GET", "/api/v1/notifications", FakeMastodonResponse.Json(200, $"[{string.Join(',', sameAsker)}]"));

        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);

        Assert.Single(await bot.Outbox.AllAsync(), r => r.AfterKey is null);
        var refused = Assert.Single(bot.Logs.GetSnapshot(), e => e.Id.Name == "PersonCapReached");
        Assert.Equal("trwnh@mastodon.social", refused.GetStructuredStateValue("Asker"));
    }

    [Fact]
    public async Task Mentions_OneThatCannotBeAnswered_IsLoggedAndSkipped_AndTheNextIsAnswered()
    {
        await using var bot = await MastodonBotHarness.StartAsync();
        await bot.Monitor.CheckAsync(bot.Main, CancellationToken.None);
        await bot.Get<SourceStateRepository>().SaveAsync(new SourceState("mastodon-mentions:main", ""));
        // A handle longer than the whole status budget: no reply to it can fit.
        var unanswerable = new string('x', 600) + "@x.example";
        bot.Server.Enqueue("GET", "/api/v1/notifications",
            MentionNotifications.Page(MentionNotifications.Mention(1, unanswerable, "quote camus"), MentionNotifications.Mention(2, "person@x.example", "quote camus")));

        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);

        Assert.Equal(["reply:main:2"], (await bot.Outbox.AllAsync()).Select(r => r.IdempotencyKey));
        var skipped = Assert.Single(bot.Logs.GetSnapshot(), e => e.Id.Name == "MentionSkipped");
        Assert.Equal("1", skipped.GetStructuredStateValue("NotificationId"));
        Assert.Equal("2", (await bot.Get<SourceStateRepository>().GetAsync("mastodon-mentions:main"))!.Cursor);
    }

    [Fact]
    public async Task Mentions_OverTheAccountsHourlyCap_AreLoggedAndNeverAnswered_AndTheCapFreesAnHourLater()
    {
        await using var bot = await MastodonBotHarness.StartAsync(repliesPerHour: 2);
        await bot.Monitor.CheckAsync(bot.Main, CancellationToken.None);
        await bot.Get<SourceStateRepository>().SaveAsync(new SourceState("mastodon-mentions:main", ""));
        bot.Server.Enqueue("GET", "/api/v1/notifications",
            MentionNotifications.Page([.. Enumerable.Range(1, 3).Select(i => MentionNotifications.Mention(i, $"person{i}@x.example", "quote camus"))]),
            MentionNotifications.Page(),
            MentionNotifications.Page(MentionNotifications.Mention(4, "person4@x.example", "quote camus")));

        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);

        Assert.Equal(["reply:main:1", "reply:main:2"], (await bot.Outbox.AllAsync()).Select(r => r.IdempotencyKey));
        var capped = Assert.Single(bot.Logs.GetSnapshot(), e => e.Id.Name == "AccountCapReached");
        Assert.Equal(LogLevel.Warning, capped.Level);
        Assert.Equal("main", capped.GetStructuredStateValue("Name"));
        Assert.Equal("2", capped.GetStructuredStateValue("Limit"));
        Assert.Equal("person3@x.example", capped.GetStructuredStateValue("Asker"));

        bot.Time.Advance(TimeSpan.FromMinutes(30));
        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromMinutes(31));
        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);

        Assert.Equal(["reply:main:1", "reply:main:2", "reply:main:4"], (await bot.Outbox.AllAsync()).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Mentions_WhatIsKeptPerPerson_IsPrunedOnceTheirHourIsOver()
    {
        await using var bot = await MastodonBotHarness.StartAsync();
        await bot.Monitor.CheckAsync(bot.Main, CancellationToken.None);
        await bot.Get<SourceStateRepository>().SaveAsync(new SourceState("mastodon-mentions:main", ""));
        bot.Server.Enqueue("GET", "/api/v1/notifications",
            MentionNotifications.Page([.. Enumerable.Range(1, 3).Select(i => MentionNotifications.Mention(i, $"person{i}@x.example", "quote"))]),
            MentionNotifications.Page(MentionNotifications.Mention(4, "person4@x.example", "quote")),
            MentionNotifications.Page());

        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);
        Assert.Equal(3, bot.Poller.PeopleTracked);

        bot.Time.Advance(TimeSpan.FromMinutes(45));
        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);
        Assert.Equal(4, bot.Poller.PeopleTracked);

        bot.Time.Advance(TimeSpan.FromMinutes(16));
        await bot.Poller.PollAsync(bot.Main, CancellationToken.None);
        Assert.Equal(1, bot.Poller.PeopleTracked);
    }

    [Fact]
    public async Task Delivery_PostsWithTheRowsIdempotencyKey_AndRetriesAnHtml503WithTheSameKey()
    {
        _bot.Server.Enqueue("POST", "/api/v1/statuses", FakeMastodonResponse.Html(503, "proxy_503.html"));
        var channel = _bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        var epigraph = _bot.Get<ContentStore>().Index.Epigraphs[0];
        await _bot.Outbox.EnqueueAsync(_bot.Main.Target, "epigraph", channel.RenderEpigraph(_bot.Main.Target, epigraph)[0].Payload, "epigraph:mastodon:main:1");
        var row = (await _bot.Outbox.NextDueAsync(1))[0];

        var sending = channel.SendAsync(row, CancellationToken.None);
        await _bot.Time.CompleteNextDelayAsync();
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        var posts = _bot.Posts;
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("epigraph:mastodon:main:1", p.Header("Idempotency-Key")));
        var body = JsonDocument.Parse(posts[1].Body).RootElement;
        Assert.Equal(("unlisted", "en"), (body.GetProperty("visibility").GetString(), body.GetProperty("language").GetString()));
        Assert.Contains("#quotes", body.GetProperty("status").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_ToTheBrokenAccount_StopsItsTransportInsteadOfFailingTheRow()
    {
        var channel = _bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        var row = new OutboxEntry(1, "mastodon:broken", "epigraph", """{"status":"x"}""", "k", OutboxStatus.Pending, 0, _bot.Time.GetUtcNow(), null, null, _bot.Time.GetUtcNow(), null);

        var result = await channel.SendAsync(row, CancellationToken.None);

        Assert.Equal(SendOutcome.Stopped, result.Outcome);
        Assert.Empty(_bot.Posts);
    }

    [Fact]
    public async Task Delivery_A422_FailsTheRowWithoutCountingAgainstTheAccount()
    {
        _bot.Server.Enqueue("POST", "/api/v1/statuses", FakeMastodonResponse.Fixture(422, "error_422.json"));
        var channel = _bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        var row = new OutboxEntry(1, "mastodon:main", "epigraph", """{"status":"x"}""", "k", OutboxStatus.Pending, 0, _bot.Time.GetUtcNow(), null, null, _bot.Time.GetUtcNow(), null);

        var result = await channel.SendAsync(row, CancellationToken.None);

        Assert.Equal(SendOutcome.Invalid, result.Outcome);
        Assert.Contains("422", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "error_401.json", SendOutcome.Stopped)]
    [InlineData(403, "error_403.json", SendOutcome.Rejected)]
    public async Task Delivery_ARefusal_IsClassifiedByItsStatus(int status, string fixture, SendOutcome expected)
    {
        _bot.Server.Enqueue("POST", "/api/v1/statuses", FakeMastodonResponse.Fixture(status, fixture));
        var channel = _bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        var row = new OutboxEntry(1, "mastodon:main", "epigraph", """{"status":"x"}""", "k", OutboxStatus.Pending, 0, _bot.Time.GetUtcNow(), null, null, _bot.Time.GetUtcNow(), null);

        var result = await channel.SendAsync(row, CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task Delivery_ACorruptPayload_FailsTheRowWithoutSending()
    {
        var channel = _bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        var row = new OutboxEntry(1, "mastodon:main", "epigraph", "{not json", "k", OutboxStatus.Pending, 0, _bot.Time.GetUtcNow(), null, null, _bot.Time.GetUtcNow(), null);

        var result = await channel.SendAsync(row, CancellationToken.None);

        Assert.Equal(SendOutcome.Invalid, result.Outcome);
        Assert.Empty(_bot.Posts);
    }

    [Fact]
    public async Task EveryAccount_IsAnEpigraphTarget_OnTheDefaultScheduleUnlessItHasItsOwn()
    {
        var source = _bot.Get<IEnumerable<CommunityBot.Scheduling.IEpigraphTargetSource>>().OfType<MastodonEpigraphTargetSource>().Single();

        var targets = await source.GetTargetsAsync(CancellationToken.None);

        Assert.Equal(["mastodon:main", "mastodon:broken"], targets.Select(t => t.Key));
        Assert.All(targets, t => Assert.Equal("Europe/Berlin", t.Schedule.TimeZone.Id));
    }

    [Fact]
    public void Options_EveryBadKeyIsNamed()
    {
        var validator = new MastodonOptionsValidator();
        var options = new MastodonOptions
        {
            Accounts =
            [
                new MastodonAccountOptions { Name = "a", Instance = "not a url", AccessToken = "", Visibility = "everyone" },
                new MastodonAccountOptions { Name = "a", Instance = "https://x.example", AccessToken = "t", Schedule = new() { Cron = "nope", TimeZone = "UTC" } },
            ],
        };

        var failures = validator.Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Mastodon:Accounts:0:Instance", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mastodon:Accounts:0:AccessToken", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mastodon:Accounts:0:Visibility", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mastodon:Accounts:1:Name: 'a' is used by an earlier account", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mastodon:Accounts:1:Schedule:Cron: 'nope' is not a cron expression", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("main:backup")]
    [InlineData("the journal")]
    public void Options_ANameThatCouldReadAsAnotherTarget_IsRefused(string name)
    {
        var options = new MastodonOptions { Accounts = [new MastodonAccountOptions { Name = name, Instance = "https://x.example", AccessToken = "t" }] };

        var failures = new MastodonOptionsValidator().Validate(null, options).Failures ?? [];

        Assert.Contains(failures, f => f.StartsWith($"Mastodon:Accounts:0:Name: '{name}' is not a short name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Options_RepliesPerHourBelowOne_IsNamed(int repliesPerHour)
    {
        var failures = new MastodonOptionsValidator().Validate(null, new MastodonOptions { RepliesPerHour = repliesPerHour }).Failures;

        Assert.Contains(failures ?? [], f => f.StartsWith("Mastodon:RepliesPerHour", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_RepliesPerHour_DefaultsTo60() => Assert.Equal(60, new MastodonOptions().RepliesPerHour);
}
