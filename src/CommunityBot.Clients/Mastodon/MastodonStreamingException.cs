using System.Net;

namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// The notification stream could not be opened or broke off. <see cref="IsUnavailable"/> says that trying again will
/// not help (the instance answers 404, has no such stream, or names a streaming address that cannot carry the token
/// safely): the caller polls instead.
/// </summary>
public sealed class MastodonStreamingException(
    string accountName,
    string error,
    bool isUnavailable,
    HttpStatusCode? statusCode = null,
    Exception? innerException = null)
    : Exception($"Mastodon account '{accountName}': streaming: {error}", innerException)
{
    public string AccountName { get; } = accountName;

    public string Error { get; } = error;

    public bool IsUnavailable { get; } = isUnavailable;

    /// <summary>The HTTP status that refused the WebSocket upgrade, or the status of an error sent inside the stream.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
