namespace CommunityBot.Clients.Discord.Rest;

// At most N requests in any one second as Discord sees them, so the bot stays under the global limit instead of
// learning about it from a 429; a global 429 stops all requests until its retry_after has passed.
// N slots, each busy from the start of a request until one second after its answer. Counting from the answer, not
// from the start, is what makes it hold whatever Discord's windows are: a request that waited in a connection queue
// still reached Discord before its answer came back. A fixed window of our own would let up to 2N into one of theirs.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never asked for holds nothing to dispose; the limiter lives as long as the process")]
internal sealed class GlobalRateLimiter
{
    private const long InFlight = long.MaxValue;
    private const long NeverUsed = long.MinValue;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(1);

    // When every slot waits for an answer, the next free moment is unknown; look again after this.
    private static readonly TimeSpan s_allInFlightWait = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeProvider _time;
    private readonly long[] _slots;
    private long _blockedUntil = long.MinValue;

    public GlobalRateLimiter(TimeProvider time, int requestsPerSecond)
    {
        _time = time;
        _slots = new long[requestsPerSecond];
        Array.Fill(_slots, NeverUsed);
    }

    /// <summary>Waits for a free slot; hand it back with <see cref="Release"/> when the request is over.</summary>
    public async ValueTask<int> AcquireAsync(CancellationToken cancellationToken)
    {
        // One waiter at a time looks for a slot: when hundreds of posts are queued, waking them all for every slot
        // that frees up costs more CPU than the posts themselves, and only one of them can have it.
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var (slot, wait) = TryAcquire();
                if (slot >= 0)
                    return slot;
                await _time.DelayAsync(wait, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Release(int slot)
    {
        lock (_lock)
            _slots[slot] = _time.GetTimestamp();
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = _time.After(_time.GetTimestamp(), retryAfter);
            _blockedUntil = Math.Max(_blockedUntil, until);
        }
    }

    private (int Slot, TimeSpan Wait) TryAcquire()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (now < _blockedUntil)
                return (-1, _time.Until(now, _blockedUntil));

            var oldest = 0;
            for (var i = 1; i < _slots.Length; i++)
            {
                if (_slots[i] < _slots[oldest])
                    oldest = i;
            }
            var answeredAt = _slots[oldest];
            if (answeredAt == InFlight)
                return (-1, s_allInFlightWait);
            var freeAt = answeredAt == NeverUsed ? now : _time.After(answeredAt, s_window);
            if (now < freeAt)
                return (-1, _time.Until(now, freeAt));
            _slots[oldest] = InFlight;
            return (oldest, TimeSpan.Zero);
        }
    }
}
