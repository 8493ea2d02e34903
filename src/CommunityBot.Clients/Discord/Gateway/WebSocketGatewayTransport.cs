using System.Net.WebSockets;

namespace CommunityBot.Clients.Discord.Gateway;

internal sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public Task ConnectAsync(Uri uri, CancellationToken ct) => _socket.ConnectAsync(uri, ct);

    public ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken ct) =>
        _socket.ReceiveAsync(buffer, ct);

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct) =>
        _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, ct);

    public Task CloseOutputAsync(GatewayCloseCode closeCode, CancellationToken ct) =>
        _socket.State is WebSocketState.Open or WebSocketState.CloseReceived
            ? _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, null, ct)
            : Task.CompletedTask;

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
    }
}
