using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommunityBot.Clients.Discord;

/// <summary>
/// How <see cref="Rest.DiscordRestClient"/> reaches Discord. Each validation message names the property it is about;
/// an application that binds these from configuration can put its section in front.
/// </summary>
public sealed class DiscordRestOptions : IValidatableObject
{
    /// <summary>The bot token, sent as <c>Authorization: Bot …</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>Discord's REST API, or a loopback fake (plain http:// is accepted for loopback hosts only).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Retries after a 429, a 5xx or a timeout, per request; the error surfaces after the last one.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The deadline of one attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A 429 asking for a longer wait than this is surfaced rather than waited out.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord's global limit per bot.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Responses of 401, 403 or 429 in 10 minutes after which requests are slowed: Discord bans an IP for a while after
    /// 10,000 of them.
    /// </summary>
    public int InvalidRequestSlowdownThreshold { get; set; } = 5_000;

    /// <summary>Responses of 401, 403 or 429 in 10 minutes after which requests are refused.</summary>
    public int InvalidRequestRefuseThreshold { get; set; } = 9_000;

    /// <summary>The delay before each request once slowed.</summary>
    public TimeSpan InvalidRequestSlowdownDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("Token is required; expected the bot token");
        }
        var url = ApiBaseUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"ApiBaseUrl: '{url}' is not an absolute https:// address; expected e.g. https://discord.com/api/v10");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            yield return new ValidationResult($"ApiBaseUrl: '{url}' uses plain http://, which is allowed for loopback hosts only; expected https://");
        }
        if (MaxRetries is < 0 or > 100)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"MaxRetries: '{MaxRetries}' is out of range; expected between 0 and 100, e.g. 3"));
        }
        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"RequestTimeout: '{RequestTimeout:c}' is out of range; expected a positive duration, e.g. 00:00:15");
        }
        if (MaxRateLimitWait < TimeSpan.Zero)
        {
            yield return new ValidationResult($"MaxRateLimitWait: '{MaxRateLimitWait:c}' is out of range; expected a duration, e.g. 00:01:00");
        }
        if (GlobalRequestsPerSecond < 1)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"GlobalRequestsPerSecond: '{GlobalRequestsPerSecond}' is out of range; expected at least 1, e.g. 50"));
        }
        if (InvalidRequestSlowdownThreshold >= InvalidRequestRefuseThreshold)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"InvalidRequestSlowdownThreshold: '{InvalidRequestSlowdownThreshold}' is not below InvalidRequestRefuseThreshold '{InvalidRequestRefuseThreshold}'; expected e.g. 5000 and 9000"));
        }
    }
}
