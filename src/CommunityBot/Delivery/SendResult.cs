namespace CommunityBot.Delivery;

/// <param name="RemoteId">The message or status id the target gave the post.</param>
/// <param name="RetryAfter">How long the target asked us to wait, when it said.</param>
public sealed record SendResult(SendOutcome Outcome, string? RemoteId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Delivered(string? remoteId) => new(SendOutcome.Delivered, remoteId);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendOutcome.Retry, Error: error, RetryAfter: retryAfter);

    public static SendResult Invalid(string error) => new(SendOutcome.Invalid, Error: error);

    public static SendResult Rejected(string error) => new(SendOutcome.Rejected, Error: error);

    public static SendResult Stopped(string error) => new(SendOutcome.Stopped, Error: error);

    public static SendResult Unexpected(string error) => new(SendOutcome.Unexpected, Error: error);
}
