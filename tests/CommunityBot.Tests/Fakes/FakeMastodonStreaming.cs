using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// The fake Mastodon's streaming API: the WebSockets the bot opened, events sent to them as Mastodon writes them
/// (<c>{"stream":["user:notification"],"event":"notification","payload":"&lt;the notification as a JSON string&gt;"}</c>),
/// and drops as when the streaming server restarts.
/// </summary>
public sealed class FakeMastodonStreaming
{
    private readonly Lock _lock = new();
    private readonly List<WebSocket> _open = [];
    private readonly RequestLog<FakeMastodonRequest> _connections = new();

    /// <summary>Every accepted upgrade, in order.</summary>
    public IReadOnlyList<FakeMastodonRequest> Connections => _connections.Snapshot();

    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> streams have been opened in all.</summary>
    public Task WaitForConnectionsAsync(int count) => _connections.WaitForAsync(count);

    /// <summary>Sends a notification event to every open stream.</summary>
    public Task SendNotificationAsync(JsonObject notification) => SendAsync(new JsonObject
    {
        ["stream"] = new JsonArray("user:notification"),
        ["event"] = "notification",
        ["payload"] = notification.ToJsonString(),
    }.ToJsonString());

    /// <summary>Sends a raw text message to every open stream; one send at a time, as a WebSocket allows.</summary>
    public async Task SendAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        foreach (var socket in Snapshot())
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
    }

    /// <summary>Breaks every open stream without a close handshake, as a crashed or restarted server does.</summary>
    public void DropAll()
    {
        foreach (var socket in Snapshot())
        {
            socket.Abort();
        }
    }

    internal async Task ServeAsync(WebSocket socket, FakeMastodonRequest request, CancellationToken aborted)
    {
        lock (_lock)
        {
            _open.Add(socket);
        }
        _connections.Add(request);
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, aborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Dropped by the test or by the bot.
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(socket);
            }
        }
    }

    private List<WebSocket> Snapshot()
    {
        lock (_lock)
        {
            return [.. _open.Where(s => s.State == WebSocketState.Open)];
        }
    }
}
