using Microsoft.Extensions.Logging;

namespace CommunityBot.Clients.Mastodon;

// Nothing here takes the request itself, so the Authorization header cannot reach a log line.
internal static partial class Log
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Mastodon account '{Account}': {Method} /{Path} answered {StatusCode}")]
    public static partial void Received(ILogger logger, string account, HttpMethod method, string path, int statusCode);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Mastodon account '{Account}': {Method} /{Path} failed ({Error}); attempt {Attempt} of {MaxAttempts}, retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string account, HttpMethod method, string path, string error, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Mastodon account '{Account}': rate limit used up, holding {Method} /{Path} for {Delay}")]
    public static partial void WaitingForRateLimit(ILogger logger, string account, HttpMethod method, string path, TimeSpan delay);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Debug, Message = "Mastodon account '{Account}': notification stream open at {Address}")]
    public static partial void StreamOpened(ILogger logger, string account, Uri address);
}
