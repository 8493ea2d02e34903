using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Discord.Gateway;

// Nothing here takes the token: no message can leak it.
internal static partial class GatewayLog
{
    [LoggerMessage(2000, LogLevel.Information, "Discord gateway: running shards [{ShardIds}] of {ShardCount}")]
    public static partial void Starting(ILogger logger, string shardIds, int shardCount);

    [LoggerMessage(2001, LogLevel.Debug, "Shard {ShardId}: connecting to {Uri} to {Action}")]
    public static partial void Connecting(ILogger logger, int shardId, Uri uri, string action);

    [LoggerMessage(2002, LogLevel.Information, "Shard {ShardId}: READY, session started")]
    public static partial void Ready(ILogger logger, int shardId);

    [LoggerMessage(2003, LogLevel.Information, "Shard {ShardId}: RESUMED at sequence {Sequence}")]
    public static partial void Resumed(ILogger logger, int shardId, long sequence);

    [LoggerMessage(2004, LogLevel.Information, "Shard {ShardId}: reconnecting in {Delay} ({Reason}, {Plan})")]
    public static partial void Reconnecting(ILogger logger, int shardId, TimeSpan delay, string reason, string plan);

    [LoggerMessage(2005, LogLevel.Warning, "Shard {ShardId}: no heartbeat ACK since the last heartbeat; the connection is a zombie")]
    public static partial void Zombie(ILogger logger, int shardId);

    [LoggerMessage(2006, LogLevel.Warning, "Shard {ShardId}: connection failed")]
    public static partial void ConnectionFailed(ILogger logger, int shardId, Exception exception);

    [LoggerMessage(2007, LogLevel.Critical, "Shard {ShardId}: Discord closed the gateway with {CloseCode}: {Reason}. Not reconnecting.")]
    public static partial void Fatal(ILogger logger, int shardId, int closeCode, string reason);

    [LoggerMessage(2008, LogLevel.Warning, "Shard {ShardId}: the daily session start limit is used up; waiting {Wait} before identifying")]
    public static partial void SessionStartLimitReached(ILogger logger, int shardId, TimeSpan wait);

    [LoggerMessage(2009, LogLevel.Warning, "Shard {ShardId}: the dispatch channel is full ({Capacity}); the consumer is falling behind")]
    public static partial void ConsumerStalled(ILogger logger, int shardId, int capacity);

    [LoggerMessage(2010, LogLevel.Debug, "Shard {ShardId}: heartbeat loop ended")]
    public static partial void HeartbeatStopped(ILogger logger, int shardId, Exception exception);

    [LoggerMessage(2011, LogLevel.Warning, "Discord's /gateway/bot did not answer; asking again in {Delay}")]
    public static partial void GatewayBotFailed(ILogger logger, Exception exception, TimeSpan delay);
}
