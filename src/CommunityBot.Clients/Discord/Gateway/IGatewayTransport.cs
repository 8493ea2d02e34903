using System.Net.WebSockets;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>The one WebSocket a gateway connection uses; a seam for tests that need no socket.</summary>
internal interface IGatewayTransport : IDisposable
{
    WebSocketCloseStatus? CloseStatus { get; }

    Task ConnectAsync(Uri uri, CancellationToken ct);

    ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken ct);

    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct);

    Task CloseOutputAsync(GatewayCloseCode closeCode, CancellationToken ct);
}
