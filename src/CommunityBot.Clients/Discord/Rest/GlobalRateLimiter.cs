namespace CommunityBot.Clients.Discord.Rest;

// A fixed one-second window of N requests, so the bot stays under Discord's global limit instead of
// learning about it from a 429; a global 429 closes the window until its retry_after has passed.
internal sealed class GlobalRateLimiter(TimeProvider time, int requestsPerSecond)
{
    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _count;
    private long _blockedUntil = long.MinValue;

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryAcquire();
            if (wait == TimeSpan.Zero)
                return;
            await time.DelayAsync(wait, cancellationToken);
        }
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.After(time.GetTimestamp(), retryAfter);
            _blockedUntil = Math.Max(_blockedUntil, until);
        }
    }

    private TimeSpan TryAcquire()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            if (now < _blockedUntil)
                return time.Until(now, _blockedUntil);

            var windowEnd = time.After(_windowStart, TimeSpan.FromSeconds(1));
            if (_windowStart == long.MinValue || now >= windowEnd)
            {
                _windowStart = now;
                _count = 0;
                windowEnd = time.After(now, TimeSpan.FromSeconds(1));
            }

            if (_count < requestsPerSecond)
            {
                _count++;
                return TimeSpan.Zero;
            }

            return time.Until(now, windowEnd);
        }
    }
}
