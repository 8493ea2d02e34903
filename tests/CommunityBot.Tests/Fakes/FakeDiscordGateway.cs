using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// A loopback Discord gateway on Kestrel. Every WebSocket that connects becomes a
/// <see cref="FakeDiscordGatewayConnection"/> the test scripts: it sends zlib-stream payloads and records what it receives.
/// <see cref="Url"/> plays the cached /gateway/bot URL and <see cref="ResumeUrl"/> the READY resume_gateway_url.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly Channel<FakeDiscordGatewayConnection> _connections = Channel.CreateUnbounded<FakeDiscordGatewayConnection>();
    private int _connectionCount;

    private FakeDiscordGateway(WebApplication app, Uri root)
    {
        _app = app;
        Url = new Uri(root, "/gateway");
        ResumeUrl = new Uri(root, "/resume");
    }

    public Uri Url { get; }

    public Uri ResumeUrl { get; }

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public static async Task<FakeDiscordGateway> StartAsync(TimeProvider time)
    {
        var app = LoopbackWebApplication.Create();
        app.UseWebSockets();
        FakeDiscordGateway? gateway = null;
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var connection = new FakeDiscordGatewayConnection(
                socket, context.Request.Path, context.Request.QueryString.Value ?? "", time, context.Abort);
            Interlocked.Increment(ref gateway!._connectionCount);
            await gateway._connections.Writer.WriteAsync(connection);
            await connection.RunAsync(context.RequestAborted);
        });
        await app.StartAsync();
        var address = LoopbackWebApplication.Address(app).ToString();
        gateway = new FakeDiscordGateway(app, new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal)));
        return gateway;
    }

    public async Task<FakeDiscordGatewayConnection> NextConnectionAsync() =>
        await _connections.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>Every connection, as it comes, until <paramref name="ct"/> is cancelled; for a test that serves them all.</summary>
    public IAsyncEnumerable<FakeDiscordGatewayConnection> AllConnectionsAsync(CancellationToken ct) =>
        _connections.Reader.ReadAllAsync(ct);

    /// <summary>The next connection, after sending it HELLO and reading the IDENTIFY or RESUME that must follow.</summary>
    public async Task<(FakeDiscordGatewayConnection Connection, FakeDiscordGatewayReceived Handshake)> NextHandshakeAsync(int heartbeatInterval = 45000)
    {
        var connection = await NextConnectionAsync();
        await connection.SendHelloAsync(heartbeatInterval);
        return (connection, await connection.ReceiveAsync());
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(Timeout);
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
    }
}
