namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// Remembers the last rate-limit headers per bucket and says how long to hold a request back so the client never
/// sends one it knows will be refused. General limits apply to every request, so the default bucket gates all.
/// </summary>
internal sealed class MastodonRateLimitGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<MastodonRateLimitBucket, MastodonRateLimit> _limits = [];

    /// <summary>Takes one request from the known budget, or returns how long to wait until a window resets.</summary>
    public TimeSpan Reserve(MastodonRateLimitBucket bucket, DateTimeOffset now)
    {
        lock (_lock)
        {
            var wait = TimeUntilAvailable(MastodonRateLimitBucket.Default, now);
            if (bucket != MastodonRateLimitBucket.Default)
            {
                wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, TimeUntilAvailable(bucket, now).Ticks));
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            Take(MastodonRateLimitBucket.Default, now);
            if (bucket != MastodonRateLimitBucket.Default)
            {
                Take(bucket, now);
            }

            return TimeSpan.Zero;
        }
    }

    public void Update(MastodonRateLimitBucket bucket, MastodonRateLimit limit)
    {
        lock (_lock)
        {
            _limits[bucket] = limit;
        }
    }

    private TimeSpan TimeUntilAvailable(MastodonRateLimitBucket bucket, DateTimeOffset now) =>
        _limits.TryGetValue(bucket, out var limit) && limit.Remaining <= 0 && limit.Reset > now
            ? limit.Reset - now
            : TimeSpan.Zero;

    private void Take(MastodonRateLimitBucket bucket, DateTimeOffset now)
    {
        if (_limits.TryGetValue(bucket, out var limit) && limit.Reset > now)
        {
            _limits[bucket] = limit with { Remaining = limit.Remaining - 1 };
        }
    }
}
