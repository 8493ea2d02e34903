using System.Text.Json;
using System.Threading.Channels;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Telemetry;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// One shard's session: connects, identifies or resumes, and reconnects until cancelled or closed with a fatal code.
/// The receive loop only reads and parses; dispatches go to a channel and heartbeats run on their own task.
/// </summary>
internal sealed class GatewayShard
{
    private const string Query = "v=10&encoding=json&compress=zlib-stream";

    // A session that cannot be resumed this many times running is given up for a new one, so a stale session
    // cannot stall the shard forever.
    private const int MaxFailedResumes = 3;

    private readonly DiscordGatewayOptions _options;
    private readonly int _shardCount;
    private readonly GatewayIdentifyLimiter _identifyLimiter;
    private readonly ChannelWriter<GatewayDispatch> _dispatches;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<IGatewayTransport> _transportFactory;
    private readonly Func<double> _random;
    private readonly Func<long> _sequenceReader;
    private GatewayConnection? _connection;
    private string? _sessionId;
    private Uri? _resumeUri;
    private long _sequence = -1;
    private int _failedResumes;
    private bool _serving;

    public GatewayShard(
        int shardId,
        int shardCount,
        DiscordGatewayOptions options,
        GatewayIdentifyLimiter identifyLimiter,
        ChannelWriter<GatewayDispatch> dispatches,
        TimeProvider time,
        ILogger logger,
        Func<IGatewayTransport> transportFactory,
        Func<double> random)
    {
        ShardId = shardId;
        _shardCount = shardCount;
        _options = options;
        _identifyLimiter = identifyLimiter;
        _dispatches = dispatches;
        _time = time;
        _logger = logger;
        _transportFactory = transportFactory;
        _random = random;
        _sequenceReader = () => Volatile.Read(ref _sequence);
    }

    public int ShardId { get; }

    /// <summary>READY or RESUMED was received on the current connection, and it has not ended since.</summary>
    public bool IsServing => Volatile.Read(ref _serving);

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct) =>
        (Volatile.Read(ref _connection) ?? throw new InvalidOperationException($"Shard {ShardId} is not connected."))
            .SendAsync(utf8Json, ct);

    /// <summary>Runs until <paramref name="ct"/> is cancelled; throws <see cref="GatewayFatalException"/> on a fatal close.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = GatewayBackoff.Delays(_random, GatewayBackoff.First, GatewayBackoff.Cap).GetEnumerator();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var end = await RunConnectionAsync(ct);
                Volatile.Write(ref _serving, false);
                if (ct.IsCancellationRequested)
                    return;

                if (!end.Resumable || _failedResumes >= MaxFailedResumes)
                    ForgetSession();

                var delay = end.MinimumDelay;
                if (end.Established)
                {
                    backoff.Dispose();
                    backoff = GatewayBackoff.Delays(_random, GatewayBackoff.First, GatewayBackoff.Cap).GetEnumerator();
                }
                else if (backoff.MoveNext() && backoff.Current > delay)
                {
                    delay = backoff.Current;
                }

                GatewayLog.Reconnecting(_logger, ShardId, delay, end.Reason, _sessionId is null ? "new session" : "resume");
                ClientMetrics.GatewayReconnect(ShardId);
                await Task.Delay(delay, _time, ct);
            }
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is not GatewayFatalException)
        {
            // Shutting down: whatever the socket threw on the way out does not matter.
        }
        finally
        {
            backoff.Dispose();
        }
    }

    private async Task<ConnectionEnd> RunConnectionAsync(CancellationToken ct)
    {
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var connectionCt = connectionCts.Token;
        GatewayConnection? connection = null;
        Task heartbeats = Task.CompletedTask;
        var zombie = false;
        try
        {
            var resume = _sessionId is not null && _resumeUri is not null;
            var baseUri = resume ? _resumeUri! : new Uri((await _identifyLimiter.GetGatewayBotAsync(ct)).Url);
            if (resume)
                _failedResumes++;
            else
                await _identifyLimiter.WaitToIdentifyAsync(ShardId, ct);

            var uri = WithQuery(baseUri);
            GatewayLog.Connecting(_logger, ShardId, uri, resume ? "resume" : "identify");
            connection = new GatewayConnection(_transportFactory(), _time);
            await connection.ConnectAsync(uri, ct);
            Volatile.Write(ref _connection, connection);

            while (true)
            {
                var message = await connection.ReceiveAsync(connectionCt);
                if (message.IsEmpty)
                    return Closed(connection);

                var envelope = GatewayEnvelope.Parse(message.Span);
                var data = message.Slice(envelope.DataStart, envelope.DataLength);
                switch ((GatewayOpCode)envelope.Op)
                {
                    case GatewayOpCode.Dispatch:
                        await DispatchAsync(connection, envelope, data, connectionCt);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await connection.SendHeartbeatAsync(Volatile.Read(ref _sequence), connectionCt);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        connection.AckReceived();
                        break;
                    case GatewayOpCode.Hello:
                        var hello = JsonSerializer.Deserialize(data.Span, GatewayJsonContext.Default.JsonHello)!;
                        heartbeats = BeatAsync(connection, TimeSpan.FromMilliseconds(hello.HeartbeatInterval), connectionCts);
                        await connection.SendAsync(resume ? ResumePayload() : IdentifyPayload(), connectionCt);
                        if (!resume)
                            await _identifyLimiter.IdentifySentAsync(ShardId, connectionCt);
                        break;
                    case GatewayOpCode.Reconnect:
                        await connection.CloseAsync(GatewayCloseCodes.Resumable, ct);
                        return new ConnectionEnd(connection.Established, true, TimeSpan.Zero, "Discord asked to reconnect (op 7)");
                    case GatewayOpCode.InvalidSession:
                        await connection.CloseAsync(GatewayCloseCodes.Resumable, ct);
                        return data.Span.SequenceEqual("true"u8)
                            ? new ConnectionEnd(connection.Established, true, TimeSpan.Zero, "invalid session (op 9), resumable")
                            : new ConnectionEnd(connection.Established, false, TimeSpan.FromSeconds(1 + (4 * _random())), "invalid session (op 9)");
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && connectionCt.IsCancellationRequested)
        {
            zombie = true;
            return new ConnectionEnd(connection?.Established == true, true, TimeSpan.Zero, "zombie connection");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not GatewayFatalException)
        {
            GatewayLog.ConnectionFailed(_logger, ShardId, ex);
            return new ConnectionEnd(connection?.Established == true, true, TimeSpan.Zero, ex.GetType().Name);
        }
        finally
        {
            Volatile.Write(ref _connection, null);
            if (connection is not null)
            {
                if (ct.IsCancellationRequested && !zombie)
                    await connection.CloseAsync(1000, CancellationToken.None);
                await connectionCts.CancelAsync();
                await heartbeats;
                connection.Dispose();
            }
        }
    }

    private async Task BeatAsync(GatewayConnection connection, TimeSpan interval, CancellationTokenSource connectionCts)
    {
        try
        {
            await connection.RunHeartbeatsAsync(interval, _random(), _sequenceReader, connectionCts.Token);
            GatewayLog.Zombie(_logger, ShardId);
            await connection.CloseAsync(GatewayCloseCodes.Resumable, connectionCts.Token);
            await connectionCts.CancelAsync();
        }
        catch (Exception ex)
        {
            // The connection ended under the heartbeat; the receive loop sees the same thing and reconnects.
            GatewayLog.HeartbeatStopped(_logger, ShardId, ex);
        }
    }

    private async ValueTask DispatchAsync(GatewayConnection connection, GatewayEnvelope envelope, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (envelope.Sequence is { } sequence)
            Volatile.Write(ref _sequence, sequence);

        var eventName = envelope.EventName ?? "";
        if (ReferenceEquals(eventName, GatewayEventNames.Ready))
        {
            var ready = JsonSerializer.Deserialize(data.Span, GatewayJsonContext.Default.JsonReady)!;
            _sessionId = ready.SessionId;
            _resumeUri = new Uri(ready.ResumeGatewayUrl);
            connection.Established = true;
            _failedResumes = 0;
            Volatile.Write(ref _serving, true);
            GatewayLog.Ready(_logger, ShardId);
        }
        else if (ReferenceEquals(eventName, GatewayEventNames.Resumed))
        {
            connection.Established = true;
            _failedResumes = 0;
            Volatile.Write(ref _serving, true);
            ClientMetrics.GatewayResume(ShardId);
            GatewayLog.Resumed(_logger, ShardId, Volatile.Read(ref _sequence));
        }

        var dispatch = new GatewayDispatch(ShardId, eventName, Volatile.Read(ref _sequence), data.ToArray());
        if (_dispatches.TryWrite(dispatch))
            return;

        // Heartbeats go on meanwhile; the heartbeat task knows not to call the unread ACK a zombie.
        GatewayLog.ConsumerStalled(_logger, ShardId, _options.DispatchCapacity);
        connection.ConsumerStallStarted();
        try
        {
            await _dispatches.WriteAsync(dispatch, ct);
        }
        finally
        {
            connection.ConsumerStallEnded();
        }
    }

    private ConnectionEnd Closed(GatewayConnection connection)
    {
        var code = (int?)connection.CloseStatus ?? 0;
        if (GatewayCloseCodes.FatalReason(code) is { } reason)
        {
            GatewayLog.Fatal(_logger, ShardId, code, reason);
            throw new GatewayFatalException(ShardId, code, $"Discord closed the gateway of shard {ShardId} with {code}: {reason}.");
        }

        return new ConnectionEnd(connection.Established, !GatewayCloseCodes.StartsNewSession(code), TimeSpan.Zero, $"closed with {code}");
    }

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUri = null;
        _failedResumes = 0;
        Volatile.Write(ref _sequence, -1);
    }

    private byte[] IdentifyPayload()
    {
        var identify = new JsonIdentify(
            _options.Token,
            new JsonIdentifyProperties(OperatingSystemName(), "CommunityBot", "CommunityBot"),
            _options.Intents,
            [ShardId, _shardCount]);
        return JsonSerializer.SerializeToUtf8Bytes(
            new JsonGatewayCommand<JsonIdentify>((int)GatewayOpCode.Identify, identify),
            GatewayJsonContext.Default.JsonGatewayCommandJsonIdentify);
    }

    private byte[] ResumePayload()
    {
        var sequence = Volatile.Read(ref _sequence);
        var resume = new JsonResume(_options.Token, _sessionId!, sequence < 0 ? null : sequence);
        return JsonSerializer.SerializeToUtf8Bytes(
            new JsonGatewayCommand<JsonResume>((int)GatewayOpCode.Resume, resume),
            GatewayJsonContext.Default.JsonGatewayCommandJsonResume);
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    private static Uri WithQuery(Uri gateway)
    {
        if (gateway.Scheme != "wss" && !(gateway.Scheme == "ws" && gateway.IsLoopback))
            throw new InvalidOperationException($"The gateway URL {gateway} must use wss:// (ws:// is accepted for loopback hosts only).");
        return new UriBuilder(gateway) { Query = Query }.Uri;
    }

    private readonly record struct ConnectionEnd(bool Established, bool Resumable, TimeSpan MinimumDelay, string Reason);
}
