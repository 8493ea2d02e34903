using System.Net;

namespace CommunityBot.Clients.Mastodon;

/// <summary>A 401 or 403: the account's access token is wrong, revoked or lacks a scope, or the account is disabled.</summary>
public sealed class MastodonAuthorizationException : MastodonApiException
{
    public MastodonAuthorizationException(string accountName, HttpStatusCode statusCode, string error)
        : base(accountName, statusCode, error, isRetryable: false, retryAfter: null, BuildMessage(accountName, statusCode, error), null)
    {
    }

    private static string BuildMessage(string accountName, HttpStatusCode statusCode, string error)
    {
        var scopes = string.Join(", ", MastodonScopes.Required);
        var cause = statusCode == HttpStatusCode.Unauthorized
            ? "the AccessToken is invalid, revoked, or lacks a required scope"
            : "the AccessToken lacks a required scope, or the account is disabled, unconfirmed or awaiting approval";
        return $"Mastodon account '{accountName}' was refused ({Describe(statusCode)}: {error}): {cause}. "
            + $"Create a token for this account with the scopes {scopes} and set it as the account's AccessToken.";
    }
}
