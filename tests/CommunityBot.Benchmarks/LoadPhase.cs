using System.Diagnostics;

namespace CommunityBot.Benchmarks;

/// <summary>One timed stretch of load; every interaction sent in it reports back here.</summary>
internal sealed class LoadPhase : IDisposable
{
    private readonly List<long> _latencies = new(1 << 16);
    private readonly SemaphoreSlim? _slots;
    private int _sent;
    private int _completed;
    private int _lost;
    private int _completedInWindow;

    public LoadPhase(string name, int outstandingLimit = 0)
    {
        Name = name;
        if (outstandingLimit > 0)
            _slots = new SemaphoreSlim(outstandingLimit, outstandingLimit);
    }

    public string Name { get; }

    // Stopwatch ticks; completions after WindowEnd still count for latency but not for throughput.
    public long WindowStart { get; set; }
    public long WindowEnd { get; set; } = long.MaxValue;
    public long MaxSendLag { get; private set; }

    public int Sent => Volatile.Read(ref _sent);
    public int Completed => Volatile.Read(ref _completed);
    public int Lost => Volatile.Read(ref _lost);
    public int CompletedInWindow => Volatile.Read(ref _completedInWindow);
    public int Outstanding => Sent - Completed - Lost;

    public Task<bool> WaitForSlotAsync(TimeSpan timeout) => _slots?.WaitAsync(timeout) ?? Task.FromResult(true);

    public void OnSent() => Interlocked.Increment(ref _sent);

    // Called by the single gateway writer only.
    public void OnSendLag(long lag)
    {
        if (lag > MaxSendLag)
            MaxSendLag = lag;
    }

    public void OnCompleted(long sentAt, long now)
    {
        lock (_latencies)
            _latencies.Add(now - sentAt);
        Interlocked.Increment(ref _completed);
        if (now <= WindowEnd)
            Interlocked.Increment(ref _completedInWindow);
        _slots?.Release();
    }

    public void OnLost()
    {
        Interlocked.Increment(ref _lost);
        _slots?.Release();
    }

    public PhaseResult Summarize(double seconds)
    {
        long[] sorted;
        lock (_latencies)
            sorted = [.. _latencies];
        Array.Sort(sorted);
        return new PhaseResult(Name, seconds, Sent, Completed, CompletedInWindow, Lost,
            Milliseconds(Percentile(sorted, 0.50)), Milliseconds(Percentile(sorted, 0.99)),
            Milliseconds(sorted.Length == 0 ? 0 : sorted[^1]), Milliseconds(MaxSendLag));
    }

    public void Dispose() => _slots?.Dispose();

    public static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);

    // Nearest-rank percentile: the smallest sample with at least q of all samples at or below it.
    private static long Percentile(long[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
