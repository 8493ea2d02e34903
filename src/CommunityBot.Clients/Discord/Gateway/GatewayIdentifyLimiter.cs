using CommunityBot.Clients.Discord.JsonModels;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// Shared by every shard of the process: caches <c>/gateway/bot</c>, waits out <c>session_start_limit</c> when it is
/// used up, and lets one IDENTIFY per 5 s through each of the <c>max_concurrency</c> buckets (<c>shard_id % max_concurrency</c>).
/// </summary>
internal sealed class GatewayIdentifyLimiter : IDisposable
{
    public static readonly TimeSpan BucketWindow = TimeSpan.FromSeconds(5);

    private readonly IGatewayBotProvider _provider;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JsonGatewayBot? _bot;
    private DateTimeOffset _resetAt;
    private int _remaining;
    private Bucket[] _buckets = [];

    public GatewayIdentifyLimiter(IGatewayBotProvider provider, TimeProvider time, ILogger logger)
    {
        _provider = provider;
        _time = time;
        _logger = logger;
    }

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

        var bucket = _buckets[shardId % _buckets.Length];
        await bucket.Lock.WaitAsync(ct);
        try
        {
            // A loop: IdentifySent may push the window on while this shard waits.
            TimeSpan wait;
            while ((wait = bucket.NextAllowed - _time.GetUtcNow()) > TimeSpan.Zero)
                await Task.Delay(wait, _time, ct);
            bucket.NextAllowed = _time.GetUtcNow() + BucketWindow;
        }
        finally
        {
            bucket.Lock.Release();
        }
    }

    /// <summary>
    /// Starts the shard's bucket window again when its IDENTIFY has gone out: Discord counts from what it receives, so a slow
    /// connect after the permit must not shorten the wait of the next IDENTIFY (found by the gateway fault tests).
    /// </summary>
    public void IdentifySent(int shardId)
    {
        if (_buckets.Length > 0)
            _buckets[shardId % _buckets.Length].NextAllowed = _time.GetUtcNow() + BucketWindow;
    }

    public void Dispose()
    {
        _gate.Dispose();
        foreach (var bucket in _buckets)
            bucket.Lock.Dispose();
    }

    private async Task<JsonGatewayBot> FetchAsync(CancellationToken ct)
    {
        var bot = await _provider.GetGatewayBotAsync(ct);
        var limit = bot.SessionStartLimit;
        _remaining = limit.Remaining;
        _resetAt = _time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 0));
        if (_buckets.Length == 0)
            _buckets = [.. Enumerable.Range(0, Math.Max(limit.MaxConcurrency, 1)).Select(_ => new Bucket())];
        Volatile.Write(ref _bot, bot);
        return bot;
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        private long _nextAllowedTicks;

        public DateTimeOffset NextAllowed
        {
            get => new(Interlocked.Read(ref _nextAllowedTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _nextAllowedTicks, value.UtcTicks);
        }
    }
}
