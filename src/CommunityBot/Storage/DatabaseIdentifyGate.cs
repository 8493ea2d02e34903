using System.Data.Common;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Storage;

/// <summary>
/// The identify buckets of every instance on one PostgreSQL database: a row per bucket holds when it may next
/// IDENTIFY, and a shard takes its turn with a conditional upsert that succeeds only once that time has come, so two
/// instances cannot both take one turn. Times come from each instance's clock, which must be synchronised (NTP), as
/// Quartz's clustered store needs them to be anyway.
/// </summary>
public sealed partial class DatabaseIdentifyGate(
    BotDatabase database,
    TimeProvider time,
    IOptions<ClusterOptions> cluster,
    ILogger<DatabaseIdentifyGate> logger) : IGatewayIdentifyGate
{
    /// <summary>How long a shard waits before asking again when the database did not answer.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly string _instance = cluster.Value.InstanceId;

    public async ValueTask WaitAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var bucket = IGatewayIdentifyGate.BucketOf(shardId, maxConcurrency);
        while (true)
        {
            TimeSpan wait;
            try
            {
                if (await TryTakeTurnAsync(bucket, cancellationToken) is not { } taken)
                {
                    return;
                }
                wait = taken.NextAllowed - time.GetUtcNow();
                LogWaiting(shardId, bucket, taken.Owner, wait);
            }
            catch (DbException exception)
            {
                // Identifying without the database could put two instances' IDENTIFYs in one window: wait for it.
                wait = RetryAfterFailure;
                LogFailed(exception, shardId, wait);
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    public async ValueTask IdentifySentAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(
                "UPDATE identify_slot SET next_allowed = GREATEST(next_allowed, @until) WHERE bucket = @bucket",
                ("@bucket", IGatewayIdentifyGate.BucketOf(shardId, maxConcurrency)),
                ("@until", DbCommandExtensions.Timestamp(time.GetUtcNow() + IGatewayIdentifyGate.Window, asTimestamp: true)));
        }
        catch (DbException exception)
        {
            // The turn already closed the bucket for a window from when it was taken; only a slow connect is uncovered.
            LogSentNotRecorded(exception, shardId);
        }
    }

    /// <summary>Takes the bucket's turn if it has come; otherwise says when it comes and who has it now.</summary>
    private async Task<(DateTimeOffset NextAllowed, string Owner)?> TryTakeTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var take = connection.Command(
            """
            INSERT INTO identify_slot (bucket, next_allowed, owner) VALUES (@bucket, @until, @owner)
            ON CONFLICT (bucket) DO UPDATE SET next_allowed = excluded.next_allowed, owner = excluded.owner
            WHERE identify_slot.next_allowed <= @now
            RETURNING bucket
            """,
            ("@bucket", bucket),
            ("@until", DbCommandExtensions.Timestamp(now + IGatewayIdentifyGate.Window, asTimestamp: true)),
            ("@owner", _instance),
            ("@now", DbCommandExtensions.Timestamp(now, asTimestamp: true))))
        {
            if (await take.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return null;
            }
        }
        await using var read = connection.Command("SELECT next_allowed, owner FROM identify_slot WHERE bucket = @bucket", ("@bucket", bucket));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        // The row exists (the upsert found it); a turn that has come since is taken on the next round.
        return await reader.ReadAsync(cancellationToken) ? (reader.ReadTimestamp(0), reader.GetString(1)) : (now, _instance);
    }

    [LoggerMessage(EventId = 4510, EventName = "IdentifyWaiting", Level = LogLevel.Debug, Message = "Shard {ShardId} waits {Wait} for its turn to identify in bucket {Bucket}, last taken by {Owner}")]
    private partial void LogWaiting(int shardId, int bucket, string owner, TimeSpan wait);

    [LoggerMessage(EventId = 4511, EventName = "IdentifyGateFailed", Level = LogLevel.Warning, Message = "Shard {ShardId}: the database did not answer about the identify turns; asking again in {Wait}")]
    private partial void LogFailed(Exception exception, int shardId, TimeSpan wait);

    [LoggerMessage(EventId = 4512, EventName = "IdentifySentNotRecorded", Level = LogLevel.Warning, Message = "Shard {ShardId}: the database did not record when its IDENTIFY went out; its bucket's window counts from when the turn was taken")]
    private partial void LogSentNotRecorded(Exception exception, int shardId);
}
