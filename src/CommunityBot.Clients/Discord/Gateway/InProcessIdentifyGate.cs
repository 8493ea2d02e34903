using System.Collections.Concurrent;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>The identify buckets of one process: enough when no other process identifies with the same token.</summary>
public sealed class InProcessIdentifyGate(TimeProvider time) : IGatewayIdentifyGate, IDisposable
{
    private readonly ConcurrentDictionary<int, Bucket> _buckets = new();

    public async ValueTask WaitAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(IGatewayIdentifyGate.BucketOf(shardId, maxConcurrency), static _ => new Bucket());
        await bucket.Lock.WaitAsync(cancellationToken);
        try
        {
            // A loop: IdentifySentAsync may push the window on while this shard waits.
            TimeSpan wait;
            while ((wait = bucket.NextAllowed - time.GetUtcNow()) > TimeSpan.Zero)
                await Task.Delay(wait, time, cancellationToken);
            bucket.NextAllowed = time.GetUtcNow() + IGatewayIdentifyGate.Window;
        }
        finally
        {
            bucket.Lock.Release();
        }
    }

    public ValueTask IdentifySentAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        if (_buckets.TryGetValue(IGatewayIdentifyGate.BucketOf(shardId, maxConcurrency), out var bucket))
            bucket.NextAllowed = time.GetUtcNow() + IGatewayIdentifyGate.Window;
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
            bucket.Lock.Dispose();
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
