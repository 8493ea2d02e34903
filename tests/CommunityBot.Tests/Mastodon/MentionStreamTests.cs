using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Mastodon;

/// <summary>
/// Mentions through the notification stream of the fake Mastodon, on fake time: time only moves when a test moves it,
/// so a reply that appears came through the stream or through the one poll after a (re)connect, never through a
/// periodic poll.
/// </summary>
public sealed class MentionStreamTests : IAsyncLifetime, IDisposable
{
    private const int StreamOpen = 4220;
    private const int StreamDropped = 4221;
    private const int StreamUnavailable = 4222;
    private const int StreamKeepsFailing = 4223;
    private const int NotABot = 4228;

    private readonly CancellationTokenSource _stop = new();
    private MastodonBotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await MastodonBotHarness.StartAsync();
        await _bot.Monitor.CheckAsync(_bot.Main, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _bot.DisposeAsync();
    }

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task AMention_IsAnsweredThroughTheStream_WithTheTokenInTheHeaderOnly()
    {
        var running = _bot.Streamer.RunAsync(_bot.Main, _stop.Token);
        await _bot.Logs.WhenLogged(StreamOpen);
        Assert.True(_bot.Main.Streaming);
        Assert.Equal("17", (await Cursor())!.Cursor);

        await _bot.Server.Streaming.SendNotificationAsync(MentionNotifications.Mention(18, "reader@social.example", "quote camus"));
        await _bot.Logs.WhenLogged(r => r.Id.Name == "MentionAnswered");

        var row = Assert.Single(await _bot.Outbox.AllAsync());
        Assert.Equal("reply:main:18", row.IdempotencyKey);
        await CursorReachesAsync("18");
        var connection = Assert.Single(_bot.Server.Streaming.Connections);
        Assert.Equal("/api/v1/streaming", connection.Path);
        Assert.Equal("user:notification", connection.Query["stream"]);
        Assert.Equal("Bearer " + FakeMastodonServer.AccessToken, connection.Header("Authorization"));
        Assert.DoesNotContain(FakeMastodonServer.AccessToken, connection.QueryString, StringComparison.Ordinal);
        Assert.False(running.IsCompleted);
    }

    [Fact]
    public async Task AStreamDrop_WithAMentionMeanwhile_IsAnsweredOnceByThePollAfterTheReconnect()
    {
        _ = _bot.Streamer.RunAsync(_bot.Main, _stop.Token);
        await _bot.Logs.WhenLogged(StreamOpen);

        _bot.Server.Enqueue("GET", "/api/v1/notifications", MentionNotifications.Page(MentionNotifications.Mention(18, "reader@social.example", "quote camus")));
        _bot.Server.Streaming.DropAll();
        await _bot.Logs.WhenLogged(StreamDropped);
        // The flag is cleared after the drop is logged and before the backoff starts.
        var backoff = await WaitForDelayAsync(MastodonMentionStreamer.FirstBackoff);
        Assert.False(_bot.Main.Streaming);
        _bot.Time.Advance(backoff);
        await _bot.Server.Streaming.WaitForConnectionsAsync(2);
        await _bot.Logs.WhenLogged(r => r.Id.Id == StreamOpen && _bot.Logs.WithEventId(StreamOpen).Count == 2);
        // The stream may bring it again as well; its reply's key is the notification's.
        await _bot.Server.Streaming.SendNotificationAsync(MentionNotifications.Mention(18, "reader@social.example", "quote camus"));
        await _bot.Server.Streaming.SendNotificationAsync(MentionNotifications.Mention(19, "other@social.example", "quote camus"));
        await _bot.Logs.WhenLogged(r => r.Id.Name == "MentionAnswered" && (string?)r.GetStructuredStateValue("Asker") == "other@social.example");

        Assert.Equal(["reply:main:18", "reply:main:19"], (await _bot.Outbox.AllAsync()).Select(r => r.IdempotencyKey));
        var reconnectPoll = _bot.Server.Requests.Last(r => r.Path == "/api/v1/notifications");
        Assert.Equal("17", reconnectPoll.Query["min_id"]);
        await CursorReachesAsync("19");
    }

    [Fact]
    public async Task AnInstanceWithoutStreaming_LeavesTheAccountToPolling_WithOneLogLine()
    {
        _bot.Server.Enqueue("GET", "/api/v1/streaming", FakeMastodonResponse.Json(404, """{"error":"Record not found"}"""));

        await _bot.Streamer.RunAsync(_bot.Main, _stop.Token).WaitAsync(TimeSpan.FromSeconds(10));

        var line = Assert.Single(_bot.Logs.GetSnapshot(), r => r.Id.Id is >= 4220 and <= 4227);
        Assert.Equal(StreamUnavailable, line.Id.Id);
        Assert.Equal("main", line.GetStructuredStateValue("Name"));
        Assert.False(_bot.Main.Streaming);
        // The poller keeps the account: its mentions are answered at the next poll.
        await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None);
        _bot.Server.Enqueue("GET", "/api/v1/notifications", MentionNotifications.Page(MentionNotifications.Mention(18, "reader@social.example", "quote camus")));
        await _bot.Poller.PollAsync(_bot.Main, CancellationToken.None);
        Assert.Equal(["reply:main:18"], (await _bot.Outbox.AllAsync()).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task AStreamThatKeepsFailing_BacksOffWithinItsCap_ThenLeavesTheAccountToPolling_WithOneWarning()
    {
        var failures = MastodonMentionStreamer.FailuresBeforePolling;
        _bot.Server.Enqueue("GET", "/api/v1/streaming", [.. Enumerable.Range(0, failures).Select(_ => FakeMastodonResponse.Json(503, """{"error":"unavailable"}"""))]);
        _ = _bot.Streamer.RunAsync(_bot.Main, _stop.Token);

        var waits = new List<TimeSpan>();
        for (var i = 1; i < failures; i++)
        {
            waits.Add(await AdvancePastDelayAsync(null));
        }
        await _bot.Logs.WhenLogged(StreamKeepsFailing);

        Assert.Equal(failures, _bot.Logs.WithEventId(StreamDropped).Count);
        Assert.Single(_bot.Logs.WithEventId(StreamKeepsFailing));
        Assert.Empty(_bot.Logs.WithEventId(StreamOpen));
        Assert.All(waits, w => Assert.InRange(w, MastodonMentionStreamer.FirstBackoff, MastodonMentionStreamer.MaxBackoff));
        Assert.Equal(waits.Order(), waits);
        Assert.False(_bot.Main.Streaming);
    }

    [Fact]
    public async Task TheStreamingAddressTheInstanceNames_IsUsed_EvenOnAnotherHost()
    {
        await using var streamingHost = await FakeMastodonServer.StartAsync(_bot.Time);
        _bot.Server.StreamingBaseUri = streamingHost.StreamingBaseUri;
        await _bot.Monitor.CheckAsync(_bot.Main, CancellationToken.None);

        _ = _bot.Streamer.RunAsync(_bot.Main, _stop.Token);
        await streamingHost.Streaming.WaitForConnectionsAsync(1);

        Assert.Empty(_bot.Server.Streaming.Connections);
        Assert.Equal("Bearer " + FakeMastodonServer.AccessToken, streamingHost.Streaming.Connections[0].Header("Authorization"));
    }

    [Fact]
    public async Task AnAccountNotMarkedAsABot_IsWarnedAboutOnce()
    {
        var notABot = File.ReadAllText(FakeMastodonResponse.FixturePath("account_verify_credentials.json")).Replace("\"bot\": true", "\"bot\": false", StringComparison.Ordinal);
        _bot.Server.Enqueue("GET", "/api/v1/accounts/verify_credentials", FakeMastodonResponse.Json(200, notABot), FakeMastodonResponse.Json(200, notABot));

        await _bot.Monitor.CheckAsync(_bot.Main, CancellationToken.None);
        await _bot.Monitor.CheckAsync(_bot.Main, CancellationToken.None);

        var warning = Assert.Single(_bot.Logs.WithEventId(NotABot));
        Assert.Equal("main", warning.GetStructuredStateValue("Name"));
    }

    private Task<SourceState?> Cursor() => _bot.Get<SourceStateRepository>().GetAsync("mastodon-mentions:main");

    // The cursor is saved just after the reply is queued and logged.
    private async Task CursorReachesAsync(string expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while ((await Cursor())?.Cursor != expected)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    // The streamer also waits to re-check its cluster lock; only the backoff is let pass.
    private async Task<TimeSpan> AdvancePastDelayAsync(TimeSpan? expected)
    {
        var delay = await WaitForDelayAsync(expected);
        _bot.Time.Advance(delay);
        return delay;
    }

    private async Task<TimeSpan> WaitForDelayAsync(TimeSpan? expected)
    {
        while (true)
        {
            var delay = await _bot.Time.NextDelayAsync();
            if (delay != ClusterLock.RetryInterval && (expected is not { } e || delay == e))
            {
                return delay;
            }
        }
    }
}
