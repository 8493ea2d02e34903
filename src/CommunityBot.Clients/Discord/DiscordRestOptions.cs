using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommunityBot.Clients.Discord;

// Bound from the "Discord" section; the gateway options read the same section for their own keys.
public sealed class DiscordRestOptions : IValidatableObject
{
    public const string SectionName = "Discord";

    public string Token { get; set; } = "";
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    // Retries after a 429, a 5xx or a timeout, per request; the error surfaces after the last one.
    public int MaxRetries { get; set; } = 3;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    // A 429 asking for a longer wait than this is surfaced rather than waited out.
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);
    public int GlobalRequestsPerSecond { get; set; } = 50;

    // Discord bans an IP for a while after 10,000 responses of 401, 403 or 429 in 10 minutes.
    public int InvalidRequestSlowdownThreshold { get; set; } = 5_000;
    public int InvalidRequestRefuseThreshold { get; set; } = 9_000;
    public TimeSpan InvalidRequestSlowdownDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("Discord:Token is required; expected the bot token in the environment variable Discord__Token or a user secret");
        }
        var url = ApiBaseUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"Discord:ApiBaseUrl: '{url}' is not an absolute https:// address; expected e.g. https://discord.com/api/v10");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            yield return new ValidationResult($"Discord:ApiBaseUrl: '{url}' uses plain http://, which is allowed for loopback hosts only; expected https://");
        }
        if (MaxRetries is < 0 or > 100)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Discord:MaxRetries: '{MaxRetries}' is out of range; expected between 0 and 100, e.g. 3"));
        }
        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"Discord:RequestTimeout: '{RequestTimeout:c}' is out of range; expected a positive duration, e.g. 00:00:15");
        }
        if (MaxRateLimitWait < TimeSpan.Zero)
        {
            yield return new ValidationResult($"Discord:MaxRateLimitWait: '{MaxRateLimitWait:c}' is out of range; expected a duration, e.g. 00:01:00");
        }
        if (GlobalRequestsPerSecond < 1)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Discord:GlobalRequestsPerSecond: '{GlobalRequestsPerSecond}' is out of range; expected at least 1, e.g. 50"));
        }
        if (InvalidRequestSlowdownThreshold >= InvalidRequestRefuseThreshold)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Discord:InvalidRequestSlowdownThreshold: '{InvalidRequestSlowdownThreshold}' is not below Discord:InvalidRequestRefuseThreshold '{InvalidRequestRefuseThreshold}'; expected e.g. 5000 and 9000"));
        }
    }
}
