using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Mastodon;

/// <summary>Transport behaviour shared by every Mastodon account's client.</summary>
public sealed class MastodonClientOptions
{
    [Required]
    public string UserAgent { get; set; } = "CommunityBot/1.0 (Mastodon bot; +https://rights-studio.org/journal)";

    /// <summary>Attempts per call, the first included; retries reuse the same Idempotency-Key.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the client waits in-call for a rate limit to reset; a longer wait (the status family allows 300 posts
    /// per 3 hours) throws a retryable <see cref="MastodonApiException"/> with RetryAfter so the caller can reschedule.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "03:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);
}

[OptionsValidator]
public sealed partial class MastodonClientOptionsValidator : IValidateOptions<MastodonClientOptions>;
