using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// One client connection to <see cref="FakeDiscordGateway"/>. Sends with zlib-stream over one deflate context,
/// optionally splitting each message over <see cref="FramesPerMessage"/> WebSocket frames.
/// </summary>
public sealed class FakeDiscordGatewayConnection : IDisposable
{
    private static readonly string FixtureDirectory = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-gateway");

    private readonly WebSocket _socket;
    private readonly TimeProvider _time;
    private readonly Action _abort;
    private readonly MemoryStream _compressed = new();
    private readonly ZLibStream _deflate;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<FakeDiscordGatewayReceived> _inbox = Channel.CreateUnbounded<FakeDiscordGatewayReceived>();
    private readonly List<FakeDiscordGatewayReceived> _received = [];
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeDiscordGatewayConnection(WebSocket socket, string path, string query, TimeProvider time, Action abort)
    {
        _socket = socket;
        Path = path;
        Query = query;
        _time = time;
        _abort = abort;
        _deflate = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
    }

    public string Path { get; }

    public string Query { get; }

    public int FramesPerMessage { get; set; } = 1;

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<FakeDiscordGatewayReceived> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    /// <summary>Completes with the client's close code when it closes, or null when the socket just ends.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public static JsonNode Fixture(string name) => JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(FixtureDirectory, name)))!;

    public async Task<FakeDiscordGatewayReceived> ReceiveAsync() =>
        await _inbox.Reader.ReadAsync().AsTask().WaitAsync(FakeDiscordGateway.Timeout);

    /// <summary>Everything received, as it comes, until <paramref name="ct"/> is cancelled (a closed connection just sends no more).</summary>
    public IAsyncEnumerable<FakeDiscordGatewayReceived> AllReceivedAsync(CancellationToken ct) => _inbox.Reader.ReadAllAsync(ct);

    public Task SendHelloAsync(int heartbeatInterval)
    {
        var hello = Fixture("hello.json");
        hello["d"]!["heartbeat_interval"] = heartbeatInterval;
        return SendAsync(hello);
    }

    public Task SendReadyAsync(Uri resumeUrl, string sessionId = "9e3c4bfbe5e7bd6a3ac6c1ce4d7e1d1c", int sequence = 1)
    {
        var ready = Fixture("ready.json");
        ready["s"] = sequence;
        ready["d"]!["session_id"] = sessionId;
        ready["d"]!["resume_gateway_url"] = resumeUrl.ToString();
        return SendAsync(ready);
    }

    public Task SendInteractionAsync(int sequence)
    {
        var interaction = Fixture("interaction-create.json");
        interaction["s"] = sequence;
        return SendAsync(interaction);
    }

    public Task SendAckAsync() => SendAsync(Fixture("heartbeat-ack.json"));

    public Task SendHeartbeatRequestAsync() => SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    public Task SendReconnectAsync() => SendAsync(Fixture("reconnect.json"));

    public Task SendInvalidSessionAsync(bool resumable)
    {
        var invalid = Fixture("invalid-session.json");
        invalid["d"] = resumable;
        return SendAsync(invalid);
    }

    public Task SendAsync(JsonNode payload) => SendAsync(payload.ToJsonString());

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            _deflate.Write(Encoding.UTF8.GetBytes(json));
            _deflate.Flush();
            var message = _compressed.ToArray();
            _compressed.SetLength(0);
            if (!message.AsSpan().EndsWith(new byte[] { 0x00, 0x00, 0xff, 0xff }))
                throw new InvalidOperationException("A zlib-stream message must end with a sync flush.");

            var frameSize = Math.Max(1, (message.Length + FramesPerMessage - 1) / FramesPerMessage);
            for (var offset = 0; offset < message.Length; offset += frameSize)
            {
                var count = Math.Min(frameSize, message.Length - offset);
                await _socket.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Binary, offset + count == message.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync(int closeCode)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, "fake gateway", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // The semaphore is left undisposed: a test may still be releasing it after the client hung up.
    public void Dispose()
    {
        _sendLock.Wait();
        try
        {
            _deflate.Dispose();
            _compressed.Dispose();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame, like a network failure.</summary>
    public void Drop()
    {
        _socket.Abort();
        try
        {
            _abort();
        }
        catch (ObjectDisposedException)
        {
            // The client had already closed this connection and its request is over: it is dropped either way.
        }
    }

    internal async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var text = new MemoryStream();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), ct);
                    text.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult(_socket.CloseStatus);
                    return;
                }

                var raw = Encoding.UTF8.GetString(text.ToArray());
                using var document = JsonDocument.Parse(raw);
                var received = new FakeDiscordGatewayReceived(raw, document.RootElement.Clone(), _time.GetUtcNow());
                lock (_received)
                    _received.Add(received);
                await _inbox.Writer.WriteAsync(received, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(null);
        }
    }
}
