using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// Runs one gateway connection per configured shard and merges their dispatches into <see cref="Dispatches"/>.
/// </summary>
public sealed class ShardedGatewayClient : IDisposable
{
    private readonly DiscordGatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<IGatewayTransport> _transportFactory;
    private readonly Func<double> _random;
    private readonly GatewayIdentifyLimiter _identifyLimiter;
    private readonly InProcessIdentifyGate? _ownIdentifyGate;
    private readonly Channel<GatewayDispatch> _dispatches;
    private IReadOnlyDictionary<int, GatewayShard> _shards = new Dictionary<int, GatewayShard>();
    private int _started;

    public ShardedGatewayClient(
        IOptions<DiscordGatewayOptions> options,
        IGatewayBotProvider gatewayBotProvider,
        IGatewayIdentifyGate identifyGate,
        ILogger<ShardedGatewayClient> logger,
        TimeProvider timeProvider)
        : this(options.Value, gatewayBotProvider, logger, timeProvider, () => new WebSocketGatewayTransport(), Random.Shared.NextDouble, identifyGate)
    {
    }

    internal ShardedGatewayClient(
        DiscordGatewayOptions options,
        IGatewayBotProvider gatewayBotProvider,
        ILogger logger,
        TimeProvider timeProvider,
        Func<IGatewayTransport> transportFactory,
        Func<double> random,
        IGatewayIdentifyGate? identifyGate = null)
    {
        if (string.IsNullOrWhiteSpace(options.Token))
            throw new ArgumentException("Discord:Token is required for the gateway.", nameof(options));

        _options = options;
        _time = timeProvider;
        _logger = logger;
        _transportFactory = transportFactory;
        _random = random;
        if (identifyGate is null)
            identifyGate = _ownIdentifyGate = new InProcessIdentifyGate(timeProvider);
        _identifyLimiter = new GatewayIdentifyLimiter(gatewayBotProvider, identifyGate, timeProvider, logger);
        _dispatches = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(options.DispatchCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Every shard's op 0 events in arrival order per shard; completed when <see cref="RunAsync"/> ends.</summary>
    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    /// <summary>The shards this process runs, known once <see cref="RunAsync"/> has started them.</summary>
    public IReadOnlyCollection<int> ShardIds => [.. _shards.Keys];

    /// <summary>Every shard of this process has a session that is READY (or RESUMED); false before they start.</summary>
    public bool AllShardsServing => _shards is { Count: > 0 } shards && shards.Values.All(shard => shard.IsServing);

    /// <summary>
    /// Runs every shard until <paramref name="ct"/> is cancelled (then returns normally). If Discord closes any shard
    /// with a fatal code, stops the others and throws <see cref="GatewayFatalException"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            throw new InvalidOperationException("The gateway client is already running.");

        using var stopShards = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var bot = await GatewayBotAsync(ct);
            var shardCount = _options.ShardCount ?? Math.Max(bot.Shards, 1);
            var shardIds = _options.ShardIds is { Count: > 0 } ids ? ids : [.. Enumerable.Range(0, shardCount)];
            if (shardIds.FirstOrDefault(id => id < 0 || id >= shardCount, -1) is var bad and >= 0)
                throw new InvalidOperationException($"Discord:ShardIds contains {bad}, outside 0..{shardCount - 1}.");

            GatewayLog.Starting(_logger, string.Join(", ", shardIds), shardCount);
            _shards = shardIds.Distinct().ToDictionary(id => id, id => new GatewayShard(
                id, shardCount, _options, _identifyLimiter, _dispatches.Writer, _time, _logger, _transportFactory, _random));

            var running = _shards.Values.Select(shard => shard.RunAsync(stopShards.Token)).ToList();
            while (running.Count > 0)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                if (finished.IsFaulted)
                {
                    await stopShards.CancelAsync();
                    await Task.WhenAll(running);
                    await finished;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            _dispatches.Writer.TryComplete();
        }
    }

    /// <summary>Sends a payload (at most 4096 bytes, UTF-8 JSON) on a shard, within its share of 120 sends a minute.</summary>
    public Task SendAsync(int shardId, ReadOnlyMemory<byte> utf8Json, CancellationToken ct) =>
        _shards.TryGetValue(shardId, out var shard)
            ? shard.SendAsync(utf8Json, ct)
            : throw new ArgumentOutOfRangeException(nameof(shardId), shardId, "This process does not run that shard.");

    public void Dispose()
    {
        _identifyLimiter.Dispose();
        _ownIdentifyGate?.Dispose();
    }

    // A network blip at start must not turn the gateway off until a restart: ask again, with backoff, until it answers.
    private async Task<JsonModels.JsonGatewayBot> GatewayBotAsync(CancellationToken ct)
    {
        using var delays = GatewayBackoff.Delays(_random, GatewayBackoff.First, GatewayBackoff.Cap).GetEnumerator();
        while (true)
        {
            try
            {
                return await _identifyLimiter.GetGatewayBotAsync(ct);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException || IsServerError(exception))
            {
                delays.MoveNext();
                GatewayLog.GatewayBotFailed(_logger, exception, delays.Current);
                await Task.Delay(delays.Current, _time, ct);
            }
        }
    }

    private static bool IsServerError(Exception exception) =>
        exception is Rest.DiscordRestException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError or System.Net.HttpStatusCode.TooManyRequests };
}
