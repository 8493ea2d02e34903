namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// Where every IDENTIFY waits its turn. Discord lets one IDENTIFY per <see cref="Window"/> through each of the token's
/// <c>max_concurrency</c> buckets (<c>shard_id % max_concurrency</c>), counted across every process that uses the token:
/// a gate shared by those processes keeps them all within it. <see cref="InProcessIdentifyGate"/> serves one process.
/// </summary>
public interface IGatewayIdentifyGate
{
    /// <summary>How long a bucket stays closed after an IDENTIFY.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>The bucket a shard identifies in.</summary>
    public static int BucketOf(int shardId, int maxConcurrency) => shardId % Math.Max(maxConcurrency, 1);

    /// <summary>Returns when <paramref name="shardId"/> may IDENTIFY; its bucket is then closed for the next <see cref="Window"/>.</summary>
    ValueTask WaitAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken);

    /// <summary>
    /// The IDENTIFY has gone out: the bucket's window starts again from now. Discord counts from what it receives, so a
    /// slow connect after the permit must not shorten the wait of the next IDENTIFY.
    /// </summary>
    ValueTask IdentifySentAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken);
}
