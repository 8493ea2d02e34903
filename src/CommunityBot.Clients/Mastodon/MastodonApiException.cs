using System.Net;

namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// A Mastodon call that did not succeed. <see cref="IsRetryable"/> says whether sending the same request again later
/// (with the same idempotency key) may succeed; <see cref="RetryAfter"/>, when set, is the earliest sensible moment.
/// </summary>
public class MastodonApiException : Exception
{
    public MastodonApiException(
        string accountName,
        HttpStatusCode? statusCode,
        string error,
        bool isRetryable,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : this(accountName, statusCode, error, isRetryable, retryAfter, DefaultMessage(accountName, statusCode, error), innerException)
    {
    }

    protected MastodonApiException(
        string accountName,
        HttpStatusCode? statusCode,
        string error,
        bool isRetryable,
        TimeSpan? retryAfter,
        string message,
        Exception? innerException)
        : base(message, innerException)
    {
        AccountName = accountName;
        StatusCode = statusCode;
        Error = error;
        IsRetryable = isRetryable;
        RetryAfter = retryAfter;
    }

    public string AccountName { get; }

    /// <summary>Null when no response arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Mastodon's <c>error</c> text (plus <c>error_description</c>), or a description of what went wrong.</summary>
    public string Error { get; }

    public bool IsRetryable { get; }

    public TimeSpan? RetryAfter { get; }

    internal static string Describe(HttpStatusCode? statusCode) =>
        statusCode is { } code ? $"{(int)code} {code}" : "no response";

    private static string DefaultMessage(string accountName, HttpStatusCode? statusCode, string error) =>
        $"Mastodon account '{accountName}': {Describe(statusCode)}: {error}";
}
