using System.Globalization;
using System.Text.Json.Nodes;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CommunityBot.Tests.Faults;

/// <summary>
/// The whole bot, on fake time, against a gateway that misbehaves while 200 interactions arrive: dropped connections, op 7,
/// op 9 both ways and resumable close codes. The fake keeps a session as Discord does: a RESUME gets every dispatch after the
/// sequence it names, again; an IDENTIFY starts a new session. Every interaction must be answered exactly once, and no two
/// IDENTIFYs may come within 5 s of each other (measured on the fake clock the bot's identify limiter runs on).
/// </summary>
public sealed class GatewayFaultTests(ITestOutputHelper output)
{
    private const int InteractionCount = 200;
    private static readonly string[] Faults = ["drop", "op 7", "op 9 true", "op 9 false", "close 4000", "close 4008", "close 1011"];
    private static readonly string Template =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-bot", "interaction-create-quote.json"));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<DateTimeOffset> _identifies = [];
    private readonly List<(long Sequence, string Json)> _session = [];
    private readonly Dictionary<string, int> _faults = new(StringComparer.Ordinal);
    private string? _sessionId;
    private int _resumes;
    private bool _sessionConfirmed;
    private DiscordBotHost? _bot;

    private IEnumerable<(Microsoft.Extensions.Logging.LogLevel Level, string Text)> Log =>
        _bot?.Logger.Entries.Where(e => e.Text.Contains("Shard", StringComparison.Ordinal) || e.Text.Contains("nteraction", StringComparison.Ordinal)).Select(e => (e.Level, e.Text.Split('\n')[0])) ?? [];

    [Fact]
    public async Task RandomFaults_EveryInteractionAnsweredOnce_AndIdentifiesFiveSecondsApart()
    {
        var random = new Random(20260701);
        await using var discord = await FakeDiscord.StartAsync(_time);
        await using var bot = _bot = await DiscordBotHost.StartAsync(discord, configure: builder => builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

        var connection = await ConnectAsync(discord);
        for (var i = 0; i < InteractionCount; i++)
        {
            await SendInteractionAsync(connection, i);
            if (random.NextDouble() >= 0.08)
            {
                continue;
            }
            var fault = Faults[random.Next(Faults.Length)];
            _faults[fault] = _faults.GetValueOrDefault(fault) + 1;
            if (fault == "op 9 false" || !_sessionConfirmed)
            {
                // A new session loses whatever the old one had not delivered, at Discord too: so op 9 false comes only once all
                // was answered, and no fault hits a session before an answer shows the bot has read its READY (else it identifies).
                await WaitForCallbacksAsync(discord, i + 1);
                _sessionConfirmed = true;
            }
            await InjectAsync(connection, fault);
            connection = await ConnectAsync(discord);
        }
        await WaitForCallbacksAsync(discord, InteractionCount);

        // One more resume: a bot that lost track of its sequence would now be sent, and answer, old interactions again.
        connection.Drop();
        connection = await ConnectAsync(discord);
        await SendInteractionAsync(connection, InteractionCount);
        await WaitForCallbacksAsync(discord, InteractionCount + 1);

        var callbacks = Callbacks(discord).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"faults: {string.Join(", ", _faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ×{f.Value}"))}; " +
            $"connections {discord.Gateway.ConnectionCount}, identifies {_identifies.Count}, resumes {_resumes}; fake time {_time.GetUtcNow() - _time.Start}");
        Assert.Equal(InteractionCount + 1, callbacks.Count);
        Assert.All(callbacks, c => Assert.Equal(1, c.Value));
        Assert.All(Faults, fault => Assert.True(_faults.GetValueOrDefault(fault) > 0, $"no '{fault}' was injected"));
        Assert.True(_identifies.Count >= 1 + _faults["op 9 false"], "every op 9 false must be followed by an IDENTIFY");
        Assert.All(_identifies.Zip(_identifies.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(5), $"IDENTIFYs {pair.Second - pair.First} apart"));
    }

    private async Task InjectAsync(FakeDiscordGatewayConnection connection, string fault)
    {
        switch (fault)
        {
            case "drop":
                connection.Drop();
                break;
            case "op 7":
                await connection.SendReconnectAsync();
                break;
            case "op 9 true":
                await connection.SendInvalidSessionAsync(resumable: true);
                break;
            case "op 9 false":
                _sessionId = null;
                await connection.SendInvalidSessionAsync(resumable: false);
                break;
            default:
                await connection.CloseAsync(int.Parse(fault["close ".Length..], CultureInfo.InvariantCulture));
                break;
        }
    }

    private async Task SendInteractionAsync(FakeDiscordGatewayConnection connection, int index)
    {
        var dispatch = JsonNode.Parse(Template)!;
        var sequence = _session.Count == 0 ? 2 : _session[^1].Sequence + 1;
        dispatch["s"] = sequence;
        dispatch["d"]!["id"] = (900_000_000_000_000_000L + index).ToString(CultureInfo.InvariantCulture);
        dispatch["d"]!["token"] = "interaction-token-" + index.ToString(CultureInfo.InvariantCulture);
        var json = dispatch.ToJsonString();
        _session.Add((sequence, json));
        await connection.SendAsync(json);
    }

    /// <summary>
    /// The bot's next connection, handshaken as Discord would. While the bot waits out a backoff or the identify window on the
    /// fake clock, the clock moves on in half-second steps: at most 2 minutes of fake time, else the test fails.
    /// </summary>
    private async Task<FakeDiscordGatewayConnection> ConnectAsync(FakeDiscord discord)
    {
        var next = discord.Gateway.NextConnectionAsync();
        for (var step = 0; !next.IsCompleted && step < 240; step++)
        {
            await Task.WhenAny(next, Task.Delay(20));
            if (!next.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(500));
            }
        }
        var connection = await next;
        await connection.SendHelloAsync(41250);
        var handshake = await connection.ReceiveAsync();
        if (handshake.Op == 6 && handshake.Data.GetProperty("session_id").GetString() == _sessionId)
        {
            _resumes++;
            var from = handshake.Data.GetProperty("seq").GetInt64();
            foreach (var (_, json) in _session.Where(e => e.Sequence > from && e.Json.Length > 0))
            {
                await connection.SendAsync(json);
            }
            var resumed = FakeDiscordGatewayConnection.Fixture("resumed.json");
            resumed["s"] = null;
            await connection.SendAsync(resumed);
            return connection;
        }
        if (handshake.Op == 6)
        {
            await connection.SendInvalidSessionAsync(resumable: false);
            return await ConnectAsync(discord);
        }
        Assert.Equal(2, handshake.Op);
        _identifies.Add(handshake.At);
        _sessionId = "session-" + _identifies.Count.ToString(CultureInfo.InvariantCulture);
        _session.Clear();
        _sessionConfirmed = false;
        await connection.SendReadyAsync(discord.Gateway.ResumeUrl, _sessionId, sequence: 1);
        _session.Add((1, ""));
        return connection;
    }

    private static IEnumerable<string> Callbacks(FakeDiscord discord) =>
        discord.Rest.Requests.Where(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).Select(r => r.Path.Split('/')[^3]);

    private async Task WaitForCallbacksAsync(FakeDiscord discord, int count)
    {
        var deadline = DateTime.UtcNow + FakeDiscord.Timeout;
        while (Callbacks(discord).Distinct().Count() < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                var answered = Callbacks(discord).ToHashSet(StringComparer.Ordinal);
                var missing = Enumerable.Range(0, count).Select(i => (900_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).Where(id => !answered.Contains(id));
                throw new TimeoutException($"unanswered: {string.Join(", ", missing)}; faults so far: {string.Join(", ", _faults.Select(f => $"{f.Key} ×{f.Value}"))}; log: {string.Join(" | ", Log.Select(e => e.Text))}");
            }
            await Task.Delay(5);
        }
    }
}
