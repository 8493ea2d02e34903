using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

/// <summary>A <see cref="ShardedGatewayClient"/> on real loopback WebSockets against <see cref="FakeDiscordGateway"/>, on fake time.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhJkLm.secret-token-never-logged";

    private readonly CancellationTokenSource _stop = new();
    private readonly List<(ShardedGatewayClient Client, Task Run)> _others = [];

    private GatewayHarness(FakeDiscordGateway gateway, GatewayTestTime time)
    {
        Gateway = gateway;
        Time = time;
        Provider = new FakeDiscordGatewayBotProvider(gateway.Url);
    }

    public FakeDiscordGateway Gateway { get; }

    public GatewayTestTime Time { get; }

    public FakeDiscordGatewayBotProvider Provider { get; }

    public GatewayTestLogger Logger { get; } = new();

    public DiscordGatewayOptions Options { get; } = new() { Token = Token };

    /// <summary>The value every jitter draw returns.</summary>
    public double Random { get; set; } = 0.5;

    public ShardedGatewayClient Client { get; private set; } = null!;

    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<GatewayHarness> CreateAsync()
    {
        var time = new GatewayTestTime();
        return new GatewayHarness(await FakeDiscordGateway.StartAsync(time), time);
    }

    public ShardedGatewayClient Start()
    {
        Client = new ShardedGatewayClient(Options, Provider, Logger, Time, () => new WebSocketGatewayTransport(), () => Random);
        Run = Client.RunAsync(_stop.Token);
        return Client;
    }

    /// <summary>
    /// Starts a client of another process on the same fake gateway (its own shards, its own identify gate), as one of
    /// several instances sharing a token; stopped with the harness.
    /// </summary>
    public ShardedGatewayClient StartInstance(DiscordGatewayOptions options, IGatewayIdentifyGate identifyGate)
    {
        var client = new ShardedGatewayClient(options, Provider, Logger, Time, () => new WebSocketGatewayTransport(), () => Random, identifyGate);
        _others.Add((client, client.RunAsync(_stop.Token)));
        return client;
    }

    /// <summary>Starts the client and takes it through HELLO, IDENTIFY and READY.</summary>
    public async Task<FakeDiscordGatewayConnection> StartReadyAsync(int heartbeatInterval = 45000)
    {
        Start();
        var (connection, identify) = await Gateway.NextHandshakeAsync(heartbeatInterval);
        Assert.Equal(2, identify.Op);
        await connection.SendReadyAsync(Gateway.ResumeUrl);
        Assert.Equal("READY", (await ReadDispatchAsync()).EventName);
        return connection;
    }

    public async Task<GatewayDispatch> ReadDispatchAsync() =>
        await Client.Dispatches.ReadAsync().AsTask().WaitAsync(FakeDiscordGateway.Timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(FakeDiscordGateway.Timeout);
        }
        catch (GatewayFatalException)
        {
            // The tests that expect it have already asserted it.
        }

        foreach (var (client, run) in _others)
        {
            await run.WaitAsync(FakeDiscordGateway.Timeout);
            client.Dispose();
        }
        Client?.Dispose();
        await Gateway.DisposeAsync();
        _stop.Dispose();
    }
}
