using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Http;

/// <summary>The optional listener: health, readiness, metrics and Discord's HTTP interactions.</summary>
public sealed class HttpOptions : IValidatableObject
{
    public const string Section = "Http";
    public const string UrlsKey = "Http:Urls";

    /// <summary>
    /// Discord's largest interaction (a button on a message with full embeds, resolved members) is tens of kilobytes;
    /// a bound this far above it still stops a client from making the bot buffer megabytes.
    /// </summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>Where Kestrel listens, separated by ';', e.g. http://127.0.0.1:8080. Empty: no listener.</summary>
    public string Urls { get; set; } = "";

    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in UrlList)
        {
            // Kestrel's wildcard hosts ("*", "+") are no host names to Uri.
            var parsed = url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsed, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
                || address.AbsolutePath != "/" || !string.IsNullOrEmpty(address.Query))
            {
                yield return OptionChecks.Problem(UrlsKey, url, "is not an address to listen on; expected scheme, host and port, e.g. http://127.0.0.1:8080 or http://*:8080");
            }
        }
    }
}
