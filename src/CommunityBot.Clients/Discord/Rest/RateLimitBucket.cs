namespace CommunityBot.Clients.Discord.Rest;

// One X-RateLimit-Bucket for one top-level resource. Local counting is trusted over headers:
// responses arrive out of order, so a header never raises Remaining within the current window.
internal sealed class RateLimitBucket
{
    // When every slot is taken by requests still in flight, the reset time is unknown until one answers.
    private static readonly TimeSpan s_unknownResetWait = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private int _limit;
    private int _remaining;
    private long _resetAt;
    private bool _resetKnown;

    public RateLimitBucket(RateLimitHeaders headers, long now, TimeProvider time)
    {
        _limit = headers.Limit;
        _remaining = headers.Remaining;
        _resetAt = time.After(now, headers.ResetAfter);
        _resetKnown = true;
        LastUsed = now;
    }

    public long LastUsed { get; private set; }

    public TimeSpan TryAcquire(long now, TimeProvider time)
    {
        lock (_lock)
        {
            LastUsed = now;
            if (_resetKnown && now >= _resetAt)
            {
                _remaining = _limit;
                _resetKnown = false;
            }

            if (_remaining > 0)
            {
                _remaining--;
                return TimeSpan.Zero;
            }

            return _resetKnown ? time.Until(now, _resetAt) : s_unknownResetWait;
        }
    }

    public void Update(RateLimitHeaders headers, long now, TimeProvider time)
    {
        lock (_lock)
        {
            var resetAt = time.After(now, headers.ResetAfter);
            _limit = headers.Limit;
            _remaining = Math.Min(_remaining, headers.Remaining);
            _resetAt = _resetKnown ? Math.Max(_resetAt, resetAt) : resetAt;
            _resetKnown = true;
        }
    }

    public void BlockFor(TimeSpan retryAfter, long now, TimeProvider time)
    {
        lock (_lock)
        {
            var until = time.After(now, retryAfter);
            _remaining = 0;
            _resetAt = _resetKnown ? Math.Max(_resetAt, until) : until;
            _resetKnown = true;
        }
    }

    public bool IsIdle(long now, long idleSince)
    {
        lock (_lock)
            return LastUsed < idleSince && (!_resetKnown || now >= _resetAt);
    }
}
