using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Discord.Rest;

internal static partial class DiscordRestLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Discord answered 401 Unauthorized to {Route}: the bot token is invalid or was reset")]
    public static partial void Unauthorized(ILogger logger, string route);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "{Count} invalid Discord requests (401/403/429) in 10 minutes: slowing down non-interaction requests to stay clear of the 10,000 ban threshold")]
    public static partial void InvalidRequestsSlowingDown(ILogger logger, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "{Count} invalid Discord requests (401/403/429) in 10 minutes: refusing non-interaction requests until the count falls")]
    public static partial void InvalidRequestsRefusing(ILogger logger, int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Discord rate limited {Route} (scope {Scope}); retrying in {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string route, string scope, TimeSpan retryAfter);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Discord request {Route} failed with {Failure}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string route, string failure, int attempt, TimeSpan delay);
}
