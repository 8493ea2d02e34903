using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace CommunityBot.Benchmarks;

/// <summary>
/// One gateway connection: HELLO, heartbeat ACKs, IDENTIFY → READY, RESUME → RESUMED, then the dispatches it is given.
/// A single writer task owns the socket, the sequence number and the zlib stream.
/// </summary>
internal sealed class FakeGatewaySession : IDisposable
{
    private const int MaxFrameBytes = 1 << 20;
    private static readonly byte[] s_syncFlushSuffix = [0x00, 0x00, 0xff, 0xff];

    private readonly FakeDiscordServer _server;
    private readonly WebSocket _socket;
    private readonly MemoryStream? _compressed;
    private readonly ZLibStream? _zlib;
    private readonly ArrayBufferWriter<byte> _frame = new(4096);
    private readonly Channel<OutgoingFrame> _outgoing = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private int _sequence;

    public FakeGatewaySession(FakeDiscordServer server, WebSocket socket, bool zlibStream)
    {
        _server = server;
        _socket = socket;
        if (zlibStream)
        {
            _compressed = new MemoryStream();
            _zlib = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        }
    }

    public void Enqueue(PendingInteraction interaction) => _outgoing.Writer.TryWrite(new OutgoingFrame(OutgoingKind.Interaction, interaction));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writer = WriteLoopAsync(cancellationToken);
        _outgoing.Writer.TryWrite(new OutgoingFrame(OutgoingKind.Hello, null));
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                        return;
                    message.Write(buffer, 0, result.Count);
                    if (message.Length > MaxFrameBytes)
                        return;
                } while (!result.EndOfMessage);
                OnClientFrame(message.GetBuffer().AsSpan(0, (int)message.Length));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The bot went away or the run is over; the writer stops with the channel.
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            await writer;
        }
    }

    private void OnClientFrame(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("op", out var op))
            return;
        var kind = op.GetInt32() switch
        {
            1 => OutgoingKind.HeartbeatAck,
            2 => OutgoingKind.Ready,
            6 => OutgoingKind.Resumed,
            _ => (OutgoingKind?)null,
        };
        if (kind is { } k)
            _outgoing.Writer.TryWrite(new OutgoingFrame(k, null));
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out var frame))
                    await SendAsync(frame, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // Same as the reader: the connection is over.
        }
    }

    private async Task SendAsync(OutgoingFrame frame, CancellationToken cancellationToken)
    {
        _frame.ResetWrittenCount();
        switch (frame.Kind)
        {
            case OutgoingKind.Hello:
                _frame.Write(GatewayFrames.Hello);
                break;
            case OutgoingKind.HeartbeatAck:
                _frame.Write(GatewayFrames.HeartbeatAck);
                break;
            case OutgoingKind.Ready:
                _frame.Write(GatewayFrames.Ready(++_sequence, _server.GatewayUrl));
                break;
            case OutgoingKind.Resumed:
                _frame.Write(GatewayFrames.Resumed(++_sequence));
                break;
            default:
                GatewayFrames.WriteInteraction(_frame, ++_sequence, frame.Interaction!.Id);
                break;
        }

        var now = Stopwatch.GetTimestamp();
        if (frame.Interaction is { } interaction)
        {
            interaction.SentAt = now;
            if (interaction.IntendedAt != 0)
                interaction.Phase.OnSendLag(now - interaction.IntendedAt);
        }
        if (_zlib is null)
        {
            await _socket.SendAsync(_frame.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
        }
        else
        {
            _compressed!.SetLength(0);
            _zlib.Write(_frame.WrittenSpan);
            // Flush is a Z_SYNC_FLUSH: each message ends with 00 00 ff ff, which is how the bot knows it is whole.
            _zlib.Flush();
            var compressed = _compressed.GetBuffer().AsMemory(0, (int)_compressed.Length);
            if (!compressed.Span.EndsWith(s_syncFlushSuffix))
                throw new InvalidOperationException("A zlib-stream frame must end with the sync-flush marker 00 00 ff ff.");
            await _socket.SendAsync(compressed, WebSocketMessageType.Binary, true, cancellationToken);
        }
        if (frame.Kind == OutgoingKind.Ready)
            _server.OnReadySent(this, now);
    }

    public void Dispose()
    {
        _zlib?.Dispose();
        _compressed?.Dispose();
    }

    private enum OutgoingKind
    {
        Hello,
        HeartbeatAck,
        Ready,
        Resumed,
        Interaction,
    }

    private readonly record struct OutgoingFrame(OutgoingKind Kind, PendingInteraction? Interaction);
}
