using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// Transport behaviour shared by every Mastodon account's client. Each validation message names the property it is
/// about; an application that binds these from configuration can put its section in front.
/// </summary>
public sealed class MastodonClientOptions : IValidatableObject
{
    /// <summary>The User-Agent of every request.</summary>
    public string UserAgent { get; set; } = "CommunityBot/1.0 (Mastodon bot; +https://rights-studio.org/journal)";

    /// <summary>Attempts per call, the first included; retries reuse the same Idempotency-Key.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each retry doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The deadline of one attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the client waits in-call for a rate limit to reset; a longer wait (the status family allows 300 posts
    /// per 3 hours) throws a retryable <see cref="MastodonApiException"/> with RetryAfter so the caller can reschedule.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            yield return new ValidationResult($"{nameof(UserAgent)} is required; expected e.g. MyBot/1.0 (+https://example.org)");
        }
        if (MaxAttempts is < 1 or > 20)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxAttempts)}: '{MaxAttempts}' is out of range; expected between 1 and 20, e.g. 5"));
        }
        foreach (var problem in new[]
        {
            Between(nameof(BaseRetryDelay), BaseRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1)),
            Between(nameof(MaxRetryDelay), MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1)),
            Between(nameof(RequestTimeout), RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)),
            Between(nameof(MaxRateLimitWait), MaxRateLimitWait, TimeSpan.Zero, TimeSpan.FromHours(3)),
        })
        {
            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    private static ValidationResult? Between(string name, TimeSpan value, TimeSpan minimum, TimeSpan maximum) =>
        value < minimum || value > maximum
            ? new ValidationResult($"{name}: '{value:c}' is out of range; expected between {minimum:c} and {maximum:c}")
            : null;
}
