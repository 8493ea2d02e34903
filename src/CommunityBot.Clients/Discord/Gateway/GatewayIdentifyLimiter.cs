using CommunityBot.Clients.Discord.JsonModels;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// Shared by every shard of the process: caches <c>/gateway/bot</c>, waits out <c>session_start_limit</c> when it is
/// used up, and then waits for the shard's turn at the <see cref="IGatewayIdentifyGate"/>.
/// </summary>
internal sealed class GatewayIdentifyLimiter : IDisposable
{
    public static readonly TimeSpan BucketWindow = IGatewayIdentifyGate.Window;

    private readonly IGatewayBotProvider _provider;
    private readonly IGatewayIdentifyGate _identifyGate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JsonGatewayBot? _bot;
    private DateTimeOffset _resetAt;
    private int _remaining;

    public GatewayIdentifyLimiter(IGatewayBotProvider provider, IGatewayIdentifyGate identifyGate, TimeProvider time, ILogger logger)
    {
        _provider = provider;
        _identifyGate = identifyGate;
        _time = time;
        _logger = logger;
    }

    private int MaxConcurrency => Volatile.Read(ref _bot)?.SessionStartLimit.MaxConcurrency ?? 1;

    public async Task<JsonGatewayBot> GetGatewayBotAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _bot) is { } bot)
            return bot;

        await _gate.WaitAsync(ct);
        try
        {
            return _bot ?? await FetchAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WaitToIdentifyAsync(int shardId, CancellationToken ct)
    {
        await GetGatewayBotAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            while (_remaining <= 0)
            {
                var wait = _resetAt - _time.GetUtcNow();
                GatewayLog.SessionStartLimitReached(_logger, shardId, wait);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, _time, ct);
                await FetchAsync(ct);
            }

            _remaining--;
        }
        finally
        {
            _gate.Release();
        }

        await _identifyGate.WaitAsync(shardId, MaxConcurrency, ct);
    }

    /// <summary>Starts the shard's bucket window again when its IDENTIFY has gone out (found by the gateway fault tests).</summary>
    public ValueTask IdentifySentAsync(int shardId, CancellationToken ct) => _identifyGate.IdentifySentAsync(shardId, MaxConcurrency, ct);

    public void Dispose() => _gate.Dispose();

    private async Task<JsonGatewayBot> FetchAsync(CancellationToken ct)
    {
        var bot = await _provider.GetGatewayBotAsync(ct);
        var limit = bot.SessionStartLimit;
        _remaining = limit.Remaining;
        _resetAt = _time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 0));
        Volatile.Write(ref _bot, bot);
        return bot;
    }
}
