using System.Net;
using System.Text.Json;

namespace CommunityBot.Clients.Discord.Rest;

/// <summary>Discord answered a REST request with an error: the HTTP status and Discord's JSON error code.</summary>
// A request Discord answered with an error; Code is Discord's JSON error code (see DiscordErrorCodes).
public sealed class DiscordRestException : Exception
{
    public DiscordRestException(HttpStatusCode statusCode, int code, string? discordMessage, JsonElement? errors, TimeSpan? retryAfter = null)
        : base($"Discord answered {(int)statusCode} {statusCode}: {code} {discordMessage}")
    {
        StatusCode = statusCode;
        Code = code;
        DiscordMessage = discordMessage;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }
    public int Code { get; }
    public string? DiscordMessage { get; }

    // The nested field errors of a 50035 Invalid Form Body.
    public JsonElement? Errors { get; }

    // Set when the request was rate limited and not retried.
    public TimeSpan? RetryAfter { get; }
}
