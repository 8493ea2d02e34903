using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CommunityBot.Clients.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

public sealed class ShardedGatewayClientTests
{
    private const string Query = "?v=10&encoding=json&compress=zlib-stream";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RunAsync_IdentifyReadyAndFragmentedDispatch_DeliversInteraction()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Start();

        var connection = await harness.Gateway.NextConnectionAsync();
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal(Query, connection.Query);
        await connection.SendHelloAsync(45000);
        var identify = await connection.ReceiveAsync();
        Assert.Equal(2, identify.Op);
        Assert.Equal(GatewayHarness.Token, identify.Data.GetProperty("token").GetString());
        Assert.Equal(0, identify.Data.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("CommunityBot", identify.Data.GetProperty("properties").GetProperty("browser").GetString());
        Assert.False(string.IsNullOrEmpty(identify.Data.GetProperty("properties").GetProperty("os").GetString()));

        await connection.SendReadyAsync(harness.Gateway.ResumeUrl);
        var ready = await harness.ReadDispatchAsync();
        Assert.Equal(("READY", 0, 1L), (ready.EventName, ready.ShardId, ready.Sequence));

        connection.FramesPerMessage = 4;
        await connection.SendInteractionAsync(sequence: 2);
        var interaction = await harness.ReadDispatchAsync();
        Assert.Equal(("INTERACTION_CREATE", 2L), (interaction.EventName, interaction.Sequence));
        using var data = JsonDocument.Parse(interaction.Data);
        Assert.Equal("786008729715212338", data.RootElement.GetProperty("id").GetString());
        Assert.Equal("cardsearch", data.RootElement.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task RunAsync_Hello_BeatsFirstAfterJitteredIntervalThenEveryIntervalWithLastSequence()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Random = 0.25;
        harness.Start();
        var (connection, _) = await harness.Gateway.NextHandshakeAsync(heartbeatInterval: 45000);
        var start = harness.Time.GetUtcNow();

        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(11250));
        Assert.Single(connection.Received);
        var timers = harness.Time.TimerCount;
        harness.Time.Advance(TimeSpan.FromMilliseconds(11250));
        var first = await connection.ReceiveAsync();
        Assert.Equal(1, first.Op);
        Assert.Equal(JsonValueKind.Null, first.Data.ValueKind);
        Assert.Equal(TimeSpan.FromMilliseconds(11250), first.At - start);

        await connection.SendAckAsync();
        await connection.SendReadyAsync(harness.Gateway.ResumeUrl, sequence: 7);
        await harness.ReadDispatchAsync();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(45000), timers);
        harness.Time.Advance(TimeSpan.FromMilliseconds(45000));
        var second = await connection.ReceiveAsync();
        Assert.Equal(1, second.Op);
        Assert.Equal(7, second.Data.GetInt64());
        Assert.Equal(TimeSpan.FromMilliseconds(56250), second.At - start);
    }

    [Fact]
    public async Task RunAsync_ServerHeartbeatRequest_AnsweredAtOnce()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        var now = harness.Time.GetUtcNow();

        await connection.SendHeartbeatRequestAsync();

        var heartbeat = await connection.ReceiveAsync();
        Assert.Equal((1, 1L), (heartbeat.Op, heartbeat.Data.GetInt64()));
        Assert.Equal(now, heartbeat.At);
    }

    [Fact]
    public async Task RunAsync_AckWithheld_ClosesWithResumableCodeAndResumes()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync(heartbeatInterval: 1000);
        var timers = harness.Time.TimerCount;
        harness.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, (await connection.ReceiveAsync()).Op);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(1000), timers);

        harness.Time.Advance(TimeSpan.FromMilliseconds(1000));

        var closeCode = await connection.Closed.WaitAsync(Wait);
        Assert.Equal((WebSocketCloseStatus)4000, closeCode);
        await AssertResumesAsync(harness, sequence: 1);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("zombie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ResumesOnResumeUrlWithSessionAndSequence()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        await connection.SendInteractionAsync(sequence: 2);
        await harness.ReadDispatchAsync();

        connection.Drop();

        var resumed = await AssertResumesAsync(harness, sequence: 2);
        await resumed.SendAsync(FakeFixture("resumed.json"));
        var dispatch = await harness.ReadDispatchAsync();
        Assert.Equal(("RESUMED", 3L), (dispatch.EventName, dispatch.Sequence));
    }

    [Fact]
    public async Task RunAsync_GatewayBotUnreachableAtStart_AsksAgainWithBackoffThenConnects()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Provider.FailuresBeforeAnswer = 2;
        var timers = harness.Time.TimerCount;

        harness.Start();
        foreach (var backoff in new[] { 0.75, 1.5 })
        {
            await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(backoff), timers);
            timers = harness.Time.TimerCount;
            harness.Time.Advance(TimeSpan.FromSeconds(backoff));
        }

        var (_, identify) = await harness.Gateway.NextHandshakeAsync();
        Assert.Equal(2, identify.Op);
        Assert.Equal(3, harness.Provider.Calls);
        Assert.Equal(2, harness.Logger.Entries.Count(e => e.Text.Contains("did not answer", StringComparison.Ordinal)));
        Assert.False(harness.Run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_ResumeFailsThreeTimes_IdentifiesAnewAfterBackoff()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        connection.Drop();
        foreach (var backoff in new[] { 0.75, 1.5 })
        {
            connection = await AssertResumesAsync(harness, sequence: 1);
            var timers = harness.Time.TimerCount;
            connection.Drop();
            await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(backoff), timers);
            harness.Time.Advance(TimeSpan.FromSeconds(backoff));
        }

        connection = await AssertResumesAsync(harness, sequence: 1);
        var beforeIdentify = harness.Time.TimerCount;
        connection.Drop();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3), beforeIdentify);
        harness.Time.Advance(TimeSpan.FromSeconds(3));

        var (next, identify) = await harness.Gateway.NextHandshakeAsync();
        Assert.Equal(("/gateway", 2), (next.Path, identify.Op));
    }

    [Fact]
    public async Task RunAsync_ConsumerStalled_HeartbeatsGoOnWithoutZombieVerdict()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Options.DispatchCapacity = 1;
        harness.Start();
        var (connection, _) = await harness.Gateway.NextHandshakeAsync();
        await connection.SendReadyAsync(harness.Gateway.ResumeUrl);
        await connection.SendInteractionAsync(sequence: 2);
        await harness.Logger.WaitForAsync("dispatch channel is full");

        var timers = harness.Time.TimerCount;
        harness.Time.Advance(TimeSpan.FromMilliseconds(22500));
        var first = await connection.ReceiveAsync();
        await connection.SendAckAsync();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(45000), timers);
        harness.Time.Advance(TimeSpan.FromMilliseconds(45000));
        var second = await connection.ReceiveAsync();

        Assert.Equal([(1, 2L), (1, 2L)], new[] { first, second }.Select(h => (h.Op, h.Data.GetInt64())));
        Assert.Equal(["READY", "INTERACTION_CREATE"], [(await harness.ReadDispatchAsync()).EventName, (await harness.ReadDispatchAsync()).EventName]);
        Assert.False(connection.Closed.IsCompleted);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task RunAsync_Reconnect_ClosesResumablyAndResumes()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();

        await connection.SendReconnectAsync();

        var closeCode = await connection.Closed.WaitAsync(Wait);
        Assert.NotNull(closeCode);
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closeCode);
        Assert.NotEqual(WebSocketCloseStatus.EndpointUnavailable, closeCode);
        await AssertResumesAsync(harness, sequence: 1);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionResumable_Resumes()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();

        await connection.SendInvalidSessionAsync(resumable: true);

        await AssertResumesAsync(harness, sequence: 1);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionNotResumable_IdentifiesAnewOnGatewayUrlAfterRandomDelay()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var timers = harness.Time.TimerCount;

        await connection.SendInvalidSessionAsync(resumable: false);

        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3), timers);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        var (next, handshake) = await harness.Gateway.NextHandshakeAsync();
        Assert.Equal(("/gateway", Query), (next.Path, next.Query));
        Assert.Equal(2, handshake.Op);
    }

    [Theory]
    [InlineData(4004, "the Discord token was rejected")]
    [InlineData(4010, "Invalid shard")]
    [InlineData(4011, "Sharding required")]
    [InlineData(4012, "Invalid API version")]
    [InlineData(4013, "Invalid intents")]
    [InlineData(4014, "Disallowed intents")]
    public async Task RunAsync_FatalCloseCode_StopsWithOneFatalLogAndNoReconnect(int code, string explanation)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Start();
        var (connection, _) = await harness.Gateway.NextHandshakeAsync();

        await connection.CloseAsync(code);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run.WaitAsync(Wait));
        Assert.Equal(((GatewayCloseCode)code, 0), (fatal.CloseCode, fatal.ShardId));
        var critical = Assert.Single(harness.Logger.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(explanation, critical.Text, StringComparison.Ordinal);
        Assert.True(harness.Client.Dispatches.Completion.IsCompleted);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    [InlineData(1011)]
    public async Task RunAsync_ResumableCloseCode_Resumes(int code)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();

        await connection.CloseAsync(code);

        await AssertResumesAsync(harness, sequence: 1);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task RunAsync_SessionCloseCode_IdentifiesAnewOncePerFiveSeconds(int code)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        var timers = harness.Time.TimerCount;

        await connection.CloseAsync(code);

        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5), timers);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var (next, handshake) = await harness.Gateway.NextHandshakeAsync();
        Assert.Equal(("/gateway", 2), (next.Path, handshake.Op));
    }

    [Fact]
    public async Task RunAsync_SessionStartLimitUsedUp_WaitsResetAfterBeforeIdentifying()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Provider.Remaining = 0;
        harness.Provider.ResetAfter = 60_000;
        harness.Start();

        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, harness.Gateway.ConnectionCount);
        harness.Provider.Remaining = 999;
        harness.Time.Advance(TimeSpan.FromSeconds(60));

        var (_, identify) = await harness.Gateway.NextHandshakeAsync();
        Assert.Equal(2, identify.Op);
        Assert.Contains(harness.Logger.Entries, e => e.Text.Contains("session start limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_PayloadOver4096Bytes_IsRefused()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        var payload = Encoding.UTF8.GetBytes($"{{\"op\":3,\"d\":\"{new string('x', 4090)}\"}}");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendAsync(0, payload, CancellationToken.None));

        Assert.Contains("4096", refused.Message, StringComparison.Ordinal);
        Assert.Single(connection.Received);
    }

    [Fact]
    public async Task SendAsync_OrdinaryLimitReached_WaitsWhileHeartbeatsStillGo()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        var payload = """{"op":8,"d":{"guild_id":"41771983423143937","query":"","limit":0}}"""u8.ToArray();
        for (var i = 1; i < GatewaySendLimiter.OrdinaryLimit; i++)
            await harness.Client.SendAsync(0, payload, CancellationToken.None).WaitAsync(Wait);
        var timers = harness.Time.TimerCount;

        var blocked = harness.Client.SendAsync(0, payload, CancellationToken.None);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(60), timers);
        Assert.False(blocked.IsCompleted);
        await connection.SendHeartbeatRequestAsync();
        for (var i = 1; i < GatewaySendLimiter.OrdinaryLimit; i++)
            await connection.ReceiveAsync();
        Assert.Equal(1, (await connection.ReceiveAsync()).Op);
        await connection.SendAckAsync();
        await connection.SendInteractionAsync(sequence: 2);
        await harness.ReadDispatchAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(Wait);
        var afterWindow = new[] { await connection.ReceiveAsync(), await connection.ReceiveAsync() };
        Assert.Equal([1, 8], afterWindow.Select(r => r.Op).Order());
    }

    [Fact]
    public async Task RunAsync_WholeLifecycle_NeverLogsTheToken()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        var connection = await harness.StartReadyAsync();
        connection.Drop();
        var (resumed, _) = await harness.Gateway.NextHandshakeAsync();
        await resumed.CloseAsync(4004);
        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => harness.Run.WaitAsync(Wait));

        Assert.True(harness.Logger.Entries.Count >= 4);
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Text.Contains(GatewayHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(GatewayHarness.Token, fatal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwoShardsOneConcurrency_IdentifyFiveSecondsApartAndMergeDispatches()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Provider.Shards = 2;
        harness.Start();
        var (first, firstIdentify) = await harness.Gateway.NextHandshakeAsync();

        await harness.Time.WaitForTimerAsync(GatewayIdentifyLimiter.BucketWindow);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
        harness.Time.Advance(GatewayIdentifyLimiter.BucketWindow);
        var (second, secondIdentify) = await harness.Gateway.NextHandshakeAsync();

        var shards = new[] { firstIdentify, secondIdentify }
            .Select(i => i.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray())
            .OrderBy(s => s[0]).ToArray();
        Assert.Equal([[0, 2], [1, 2]], shards);
        await first.SendReadyAsync(harness.Gateway.ResumeUrl);
        await second.SendReadyAsync(harness.Gateway.ResumeUrl);
        var dispatches = new[] { await harness.ReadDispatchAsync(), await harness.ReadDispatchAsync() };
        Assert.Equal([0, 1], dispatches.Select(d => d.ShardId).Order());
    }

    [Fact]
    public async Task RunAsync_ConfiguredShards_IdentifiesOnlyThose()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Options.ShardIds = [2];
        harness.Options.ShardCount = 3;
        harness.Options.Intents = GatewayIntents.Guilds;
        harness.Start();

        var (_, identify) = await harness.Gateway.NextHandshakeAsync();

        Assert.Equal([2, 3], identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1, identify.Data.GetProperty("intents").GetInt32());
        Assert.Equal([2], harness.Client.ShardIds);
    }

    private static async Task<Fakes.FakeDiscordGatewayConnection> AssertResumesAsync(GatewayHarness harness, long sequence)
    {
        var (connection, resume) = await harness.Gateway.NextHandshakeAsync();
        Assert.Equal(("/resume", Query), (connection.Path, connection.Query));
        Assert.Equal(6, resume.Op);
        Assert.Equal(GatewayHarness.Token, resume.Data.GetProperty("token").GetString());
        Assert.Equal("9e3c4bfbe5e7bd6a3ac6c1ce4d7e1d1c", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(sequence, resume.Data.GetProperty("seq").GetInt64());
        return connection;
    }

    private static System.Text.Json.Nodes.JsonNode FakeFixture(string name) => Fakes.FakeDiscordGatewayConnection.Fixture(name);
}
