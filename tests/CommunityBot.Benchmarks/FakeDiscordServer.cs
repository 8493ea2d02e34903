using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Benchmarks;

/// <summary>
/// A loopback Discord with just what the bot's interaction path needs: /gateway/bot, the command routes,
/// the gateway WebSocket and the interaction callback, which it times against the dispatch that caused it.
/// </summary>
internal sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<ulong, PendingInteraction> _pending = new();
    private readonly ConcurrentDictionary<string, int> _otherRoutes = new();
    private FakeGatewaySession? _current;
    private long _nextId = 1_000_000_000_000_000_000L;
    private int _gatewayConnections;
    private int _readySent;
    private int _unmatchedCallbacks;
    private int _commandsPut;

    private FakeDiscordServer(WebApplication app) => _app = app;

    public int Port { get; private set; }
    public string ApiBaseUrl => $"http://127.0.0.1:{Port}/api/v10";
    public string GatewayUrl => $"ws://127.0.0.1:{Port}/gateway";
    public TaskCompletionSource<long> ReadySent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int GatewayConnections => Volatile.Read(ref _gatewayConnections);
    /// <summary>READYs sent over all sessions: one per shard once every instance is connected.</summary>
    public int ReadyCount => Volatile.Read(ref _readySent);
    public int UnmatchedCallbacks => Volatile.Read(ref _unmatchedCallbacks);
    public int CommandsPut => Volatile.Read(ref _commandsPut);
    public IReadOnlyDictionary<string, int> OtherRoutes => _otherRoutes;

    /// <param name="messages">When given, POST /channels/{id}/messages is served by it, limits and all.</param>
    public static async Task<FakeDiscordServer> StartAsync(CancellationToken cancellationToken, FakeChannelMessages? messages = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        // The bot heartbeats on its own schedule; WebSocket pings from us would only add noise.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        server.MapRoutes();
        if (messages is not null)
            app.MapPost("/api/v10/channels/{channel}/messages", messages.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("Kestrel reported no address");
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>Queues one /quote INTERACTION_CREATE on the live gateway session; false before READY.</summary>
    public bool Dispatch(LoadPhase phase, long intendedAt = 0)
    {
        var session = Volatile.Read(ref _current);
        if (session is null)
            return false;
        var interaction = new PendingInteraction((ulong)Interlocked.Increment(ref _nextId), phase, intendedAt);
        _pending[interaction.Id] = interaction;
        phase.OnSent();
        session.Enqueue(interaction);
        return true;
    }

    /// <summary>Counts as lost every interaction sent more than <paramref name="lostAfterTicks"/> ago without a callback.</summary>
    public void SweepLost(long lostAfterTicks)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (id, interaction) in _pending)
        {
            var sentAt = interaction.SentAt;
            if (sentAt != 0 && now - sentAt > lostAfterTicks && _pending.TryRemove(id, out _))
                interaction.Phase.OnLost();
        }
    }

    internal void OnReadySent(FakeGatewaySession session, long at)
    {
        Volatile.Write(ref _current, session);
        Interlocked.Increment(ref _readySent);
        ReadySent.TrySetResult(at);
    }

    private void MapRoutes()
    {
        _app.Map("/gateway", RunGatewayAsync);
        _app.MapPost("/api/v10/interactions/{id}/{token}/callback", OnCallbackAsync);
        _app.MapGet("/api/v10/gateway/bot", () => Results.Text(
            $"{{\"url\":\"{GatewayUrl}\",\"shards\":1,\"session_start_limit\":{{\"total\":1000,\"remaining\":1000,\"reset_after\":0,\"max_concurrency\":1}}}}",
            "application/json"));
        _app.MapGet("/api/v10/applications/{application}/commands", () => Results.Text("[]", "application/json"));
        _app.MapPut("/api/v10/applications/{application}/commands", PutCommandsAsync);
        _app.MapFallback(async (HttpContext context) =>
        {
            _otherRoutes.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, (_, count) => count + 1);
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            return Results.NotFound();
        });
    }

    private async Task OnCallbackAsync(HttpContext context, string id, string token)
    {
        var now = Stopwatch.GetTimestamp();
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (ulong.TryParse(id, out var interactionId) && GatewayFrames.TryReadTokenId(token, out var tokenId) && tokenId == interactionId
            && _pending.TryRemove(interactionId, out var interaction))
            interaction.Phase.OnCompleted(interaction.SentAt, now);
        else
            Interlocked.Increment(ref _unmatchedCallbacks);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    // Discord answers a bulk overwrite with the commands as stored: the request plus the fields it assigns.
    private async Task PutCommandsAsync(HttpContext context)
    {
        var commands = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonArray ?? [];
        var n = 0UL;
        foreach (var command in commands.OfType<JsonObject>())
        {
            command["id"] = (GatewayFrames.CommandId + n++).ToString();
            command["application_id"] = GatewayFrames.ApplicationId.ToString();
            command["version"] = "1";
        }
        Interlocked.Increment(ref _commandsPut);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(commands.ToJsonString(), context.RequestAborted);
    }

    private async Task RunGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var zlibStream = context.Request.Query["compress"] == "zlib-stream";
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _gatewayConnections);
        using var session = new FakeGatewaySession(this, socket, zlibStream);
        await session.RunAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
