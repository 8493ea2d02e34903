namespace CommunityBot.Clients.Mastodon;

internal static class MastodonStreamingUri
{
    private const string PathAndQuery = "api/v1/streaming?stream=user:notification";

    /// <summary>
    /// Where the notification stream of an account is: under the instance's streaming base when it names one, else under
    /// the instance. ws:// (clear text) is accepted for loopback hosts only, as http:// is for the instance.
    /// </summary>
    public static Uri For(string accountName, Uri instance, string? streaming)
    {
        var baseUri = instance;
        if (!string.IsNullOrWhiteSpace(streaming)
            && (!Uri.TryCreate(streaming, UriKind.Absolute, out baseUri)
                || baseUri.Scheme is not ("ws" or "wss" or "http" or "https")
                || !string.IsNullOrEmpty(baseUri.Query)
                || !string.IsNullOrEmpty(baseUri.UserInfo)))
        {
            throw new MastodonStreamingException(accountName, $"the instance's streaming address '{streaming}' is not a wss:// URL", isUnavailable: true);
        }
        var secure = baseUri.Scheme is "wss" or "https";
        if (!secure && !baseUri.IsLoopback)
        {
            // The token goes in a header; over ws:// anyone on the path could read it.
            throw new MastodonStreamingException(accountName, $"the streaming address '{baseUri.GetLeftPart(UriPartial.Authority)}' is not encrypted (ws://); only loopback hosts may use it", isUnavailable: true);
        }
        var port = baseUri.IsDefaultPort ? -1 : baseUri.Port;
        var path = baseUri.AbsolutePath.EndsWith('/') ? baseUri.AbsolutePath : baseUri.AbsolutePath + "/";
        return new Uri(new UriBuilder(secure ? "wss" : "ws", baseUri.Host, port, path).Uri, PathAndQuery);
    }
}
