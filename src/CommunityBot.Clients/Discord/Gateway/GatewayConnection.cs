using System.Buffers.Text;
using System.Net.WebSockets;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// Everything that lives exactly as long as one WebSocket: inflate context, buffers, send limiter and heartbeat/ACK
/// state. A new connection starts from a new instance, so no stale ACK flag can carry over.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    public const int MaxPayloadBytes = 4096;

    private static ReadOnlySpan<byte> ZlibFlushSuffix => [0x00, 0x00, 0xff, 0xff];

    private readonly IGatewayTransport _transport;
    private readonly TimeProvider _time;
    private readonly GatewaySendLimiter _limiter;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewayInflater _inflater = new();
    private readonly GatewayBuffer _received = new(16 * 1024);
    private readonly GatewayBuffer _json = new(64 * 1024);
    private readonly byte[] _heartbeat = new byte[32];
    private int _awaitingAck;
    private int _stalls;
    private int _stalling;

    public GatewayConnection(IGatewayTransport transport, TimeProvider time)
    {
        _transport = transport;
        _time = time;
        _limiter = new GatewaySendLimiter(time);
    }

    /// <summary>READY or RESUMED arrived on this connection.</summary>
    public bool Established { get; set; }

    public WebSocketCloseStatus? CloseStatus => _transport.CloseStatus;

    public Task ConnectAsync(Uri uri, CancellationToken ct) => _transport.ConnectAsync(uri, ct);

    /// <summary>
    /// The next whole payload as UTF-8 JSON, valid until the next call; empty when the server closed the socket.
    /// Binary messages are zlib-stream and may span frames and messages until they end with 00 00 ff ff.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReceiveAsync(CancellationToken ct)
    {
        _received.Clear();
        while (true)
        {
            var result = await _transport.ReceiveAsync(_received.GetMemory(8192), ct);
            if (result.MessageType == WebSocketMessageType.Close)
                return ReadOnlyMemory<byte>.Empty;

            _received.Advance(result.Count);
            if (!result.EndOfMessage)
                continue;
            if (result.MessageType == WebSocketMessageType.Text)
                return _received.Written;
            if (!_received.Written.Span.EndsWith(ZlibFlushSuffix))
                continue;

            _json.Clear();
            _inflater.Inflate(_received.Written, _json);
            return _json.Written;
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct)
    {
        if (utf8Json.Length > MaxPayloadBytes)
        {
            throw new ArgumentException(
                $"A gateway payload may be at most {MaxPayloadBytes} bytes; this one is {utf8Json.Length} bytes.",
                nameof(utf8Json));
        }

        await _limiter.AcquireAsync(heartbeat: false, ct);
        await SendLockedAsync(utf8Json, ct);
    }

    public async Task SendHeartbeatAsync(long sequence, CancellationToken ct)
    {
        await _limiter.AcquireAsync(heartbeat: true, ct);
        await _sendLock.WaitAsync(ct);
        try
        {
            Volatile.Write(ref _awaitingAck, 1);
            await _transport.SendAsync(FormatHeartbeat(sequence), ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void AckReceived() => Volatile.Write(ref _awaitingAck, 0);

    /// <summary>
    /// Beats after <c>interval × jitter</c>, then every interval. Returns when a beat finds the previous one
    /// un-ACKed (a zombie connection) — unless the receive loop was held up by a full dispatch channel meanwhile,
    /// because then the ACK may be waiting unread in the socket.
    /// </summary>
    public async Task RunHeartbeatsAsync(TimeSpan interval, double jitter, Func<long> sequence, CancellationToken ct)
    {
        await Task.Delay(interval * jitter, _time, ct);
        var stallsSeen = Volatile.Read(ref _stalls);
        while (true)
        {
            var stalls = Volatile.Read(ref _stalls);
            var stalled = stalls != stallsSeen || Volatile.Read(ref _stalling) == 1;
            stallsSeen = stalls;
            if (Volatile.Read(ref _awaitingAck) == 1 && !stalled)
                return;

            await SendHeartbeatAsync(sequence(), ct);
            await Task.Delay(interval, _time, ct);
        }
    }

    public void ConsumerStallStarted()
    {
        Interlocked.Increment(ref _stalls);
        Volatile.Write(ref _stalling, 1);
    }

    public void ConsumerStallEnded() => Volatile.Write(ref _stalling, 0);

    /// <summary>Sends a close frame without waiting for the server's answer; never throws.</summary>
    public async Task CloseAsync(GatewayCloseCode closeCode, CancellationToken ct)
    {
        try
        {
            await _sendLock.WaitAsync(ct);
            try
            {
                await _transport.CloseOutputAsync(closeCode, ct);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The socket is already gone; there is nobody left to tell.
        }
    }

    public void Dispose()
    {
        _transport.Dispose();
        _inflater.Dispose();
        _received.Dispose();
        _json.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendLockedAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _transport.SendAsync(utf8Json, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // Written by hand into a reused buffer: a heartbeat is tiny and frequent. Call only under the send lock.
    private ReadOnlyMemory<byte> FormatHeartbeat(long sequence)
    {
        var span = _heartbeat.AsSpan();
        "{\"op\":1,\"d\":"u8.CopyTo(span);
        var length = 12;
        if (sequence < 0)
        {
            "null"u8.CopyTo(span[length..]);
            length += 4;
        }
        else
        {
            Utf8Formatter.TryFormat(sequence, span[length..], out var written);
            length += written;
        }

        span[length++] = (byte)'}';
        return _heartbeat.AsMemory(0, length);
    }
}
