using System.Collections.Concurrent;
using System.Net;
using CommunityBot.Clients.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

// Shared by every DiscordRestClient in the process: route → bucket mapping, bucket state,
// the global window and the invalid-request count outlive the short-lived handlers.
internal sealed class DiscordRateLimiter
{
    private static readonly TimeSpan s_sweepInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly DiscordRestOptions _options;
    private readonly ILogger<DiscordRateLimiter> _logger;
    private readonly GlobalRateLimiter _global;
    private readonly InvalidRequestCounter _invalid;
    private readonly ConcurrentDictionary<RouteKey, RouteState> _routes = new();
    private readonly ConcurrentDictionary<BucketKey, RateLimitBucket> _buckets = new();
    private long _nextSweep;

    public DiscordRateLimiter(TimeProvider time, IOptions<DiscordRestOptions> options, ILogger<DiscordRateLimiter> logger)
    {
        _time = time;
        _options = options.Value;
        _logger = logger;
        _global = new GlobalRateLimiter(time, _options.GlobalRequestsPerSecond);
        _invalid = new InvalidRequestCounter(time);
        _nextSweep = time.After(time.GetTimestamp(), s_sweepInterval);
    }

    public int InvalidRequestCount => _invalid.Count;

    internal int TrackedRouteCount => _routes.Count;

    public async ValueTask<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        await ThrottleForInvalidRequestsAsync(route, cancellationToken);
        var lease = route.IsTracked ? await AcquireRouteAsync(route, cancellationToken) : default;
        if (!route.IsInteraction)
        {
            try
            {
                lease = lease with { Global = _global, GlobalSlot = await _global.AcquireAsync(cancellationToken) };
            }
            catch
            {
                Release(lease);
                throw;
            }
        }
        return lease;
    }

    public void Complete(DiscordRoute route, RateLimitLease lease, HttpResponseMessage response, RateLimitScope? limitedScope, TimeSpan retryAfter)
    {
        var now = _time.GetTimestamp();
        try
        {
            var hasHeaders = RateLimitHeaders.TryRead(response.Headers, out var headers);
            var bucket = lease.Route is { } state && hasHeaders ? Remember(route, state, headers, now) : null;
            if (lease.Route is { } unlimited && !hasHeaders && response.IsSuccessStatusCode)
                unlimited.Unlimited = true;

            switch (limitedScope)
            {
                case RateLimitScope.Global:
                    _global.BlockFor(retryAfter);
                    break;
                case not null:
                    bucket?.BlockFor(retryAfter, now, _time);
                    break;
            }

            // Shared-scope 429s are per-resource limits Discord does not count against the bot.
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.TooManyRequests && limitedScope != RateLimitScope.Shared))
                CountInvalid(response.StatusCode, route);
        }
        finally
        {
            Release(lease);
            SweepIfDue(now);
        }
    }

    public static void Release(RateLimitLease lease)
    {
        if (lease.HoldsGate)
            lease.Route!.Gate.Release();
        lease.Global?.Release(lease.GlobalSlot);
    }

    private async ValueTask ThrottleForInvalidRequestsAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        // Answering users stays possible: interaction responses are never the cause of a ban spiral.
        if (route.IsInteraction)
            return;

        var count = _invalid.Count;
        if (count >= _options.InvalidRequestRefuseThreshold)
            throw new DiscordRequestRefusedException(
                $"Refusing {route.Template}: {count} invalid requests (401/403/429) in the last 10 minutes; Discord bans at 10,000.");
        if (count >= _options.InvalidRequestSlowdownThreshold)
            await _time.DelayAsync(_options.InvalidRequestSlowdownDelay, cancellationToken);
    }

    private async ValueTask<RateLimitLease> AcquireRouteAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var state = _routes.GetOrAdd(route.Key, static _ => new RouteState());
        state.LastUsed = _time.GetTimestamp();
        while (true)
        {
            if (state.Bucket is { } bucket)
            {
                var wait = bucket.TryAcquire(_time.GetTimestamp(), _time);
                if (wait == TimeSpan.Zero)
                    return new RateLimitLease(state, HoldsGate: false);
                ClientMetrics.RateLimitWait(DiscordRateLimitHandler.DiscordApi);
                await _time.DelayAsync(wait, cancellationToken);
                continue;
            }

            if (state.Unlimited)
                return new RateLimitLease(state, HoldsGate: false);

            // Until the first response names the bucket, one request at a time: a burst on an
            // unknown route is how a client runs into a limit it could have read from the headers.
            await state.Gate.WaitAsync(cancellationToken);
            if (state.Bucket is null && !state.Unlimited)
                return new RateLimitLease(state, HoldsGate: true);
            state.Gate.Release();
        }
    }

    private RateLimitBucket Remember(DiscordRoute route, RouteState state, RateLimitHeaders headers, long now)
    {
        var key = new BucketKey(headers.Bucket, route.MajorId, route.MajorToken);
        var isNew = false;
        var bucket = _buckets.GetOrAdd(key, _ =>
        {
            isNew = true;
            return new RateLimitBucket(headers, now, _time);
        });
        if (!isNew)
            bucket.Update(headers, now, _time);
        state.Bucket = bucket;
        state.Unlimited = false;
        return bucket;
    }

    private void CountInvalid(HttpStatusCode status, DiscordRoute route)
    {
        var count = _invalid.Increment();
        if (status == HttpStatusCode.Unauthorized)
            DiscordRestLog.Unauthorized(_logger, route.Template);
        if (count == _options.InvalidRequestSlowdownThreshold)
            DiscordRestLog.InvalidRequestsSlowingDown(_logger, count);
        else if (count == _options.InvalidRequestRefuseThreshold)
            DiscordRestLog.InvalidRequestsRefusing(_logger, count);
    }

    // Buckets keyed by channel, guild or interaction token would otherwise accumulate for the life of the process.
    private void SweepIfDue(long now)
    {
        var next = Volatile.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, _time.After(now, s_sweepInterval), next) != next)
            return;

        var idleSince = _time.After(now, -s_sweepInterval);
        foreach (var (key, state) in _routes)
        {
            if (state.LastUsed < idleSince && state.Gate.CurrentCount == 1)
                _routes.TryRemove(key, out _);
        }
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(now, idleSince))
                _buckets.TryRemove(key, out _);
        }
    }

    private readonly record struct BucketKey(string Bucket, ulong MajorId, string? MajorToken);
}

internal enum RateLimitScope
{
    User,
    Global,
    Shared,
}

// Global is set, with the slot taken, for every request that counts against the global limit.
internal readonly record struct RateLimitLease(RouteState? Route, bool HoldsGate, GlobalRateLimiter? Global = null, int GlobalSlot = -1);

internal sealed class RouteState
{
    private volatile RateLimitBucket? _bucket;
    private volatile bool _unlimited;
    private long _lastUsed;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public RateLimitBucket? Bucket
    {
        get => _bucket;
        set => _bucket = value;
    }

    // The route answered successfully without rate-limit headers: Discord does not limit it per route.
    public bool Unlimited
    {
        get => _unlimited;
        set => _unlimited = value;
    }

    public long LastUsed
    {
        get => Volatile.Read(ref _lastUsed);
        set => Volatile.Write(ref _lastUsed, value);
    }
}
