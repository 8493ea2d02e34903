using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommunityBot.Configuration;

/// <summary>The common checks of options, each failure one message naming the key, the value and what is expected.</summary>
public static class OptionChecks
{
    public static IEnumerable<ValidationResult> Between(string key, TimeSpan value, TimeSpan minimum, TimeSpan maximum, TimeSpan example)
    {
        if (value < minimum || value > maximum)
        {
            yield return new ValidationResult($"{key}: '{value:c}' is out of range; expected between {minimum:c} and {maximum:c}, e.g. {example:c}");
        }
    }

    public static IEnumerable<ValidationResult> Between(string key, long value, long minimum, long maximum, long example)
    {
        if (value < minimum || value > maximum)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' is out of range; expected between {minimum} and {maximum}, e.g. {example}"));
        }
    }

    public static IEnumerable<ValidationResult> Required(string key, string? value, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new ValidationResult($"{key} is required; expected {expected}");
        }
    }

    /// <summary>An absolute https:// address; plain http:// only for a loopback host (tests, a local fake).</summary>
    public static IEnumerable<ValidationResult> ServerAddress(string key, string? value, string example)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            yield return Problem(key, value, $"is not an absolute https:// address; expected e.g. {example}");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            yield return Problem(key, value, "uses plain http://, which is allowed for loopback hosts only; expected https://");
        }
    }

    public static ValidationResult Problem(string key, string? value, string expected) => new($"{key}: '{value}' {expected}");
}
