namespace CommunityBot.Clients.Mastodon;

internal static class MastodonInstanceUri
{
    /// <summary>Validates an account's Instance setting and returns it with a trailing slash, ready to resolve API paths.</summary>
    public static Uri Parse(string accountName, string? instance)
    {
        if (!Uri.TryCreate(instance, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException(
                $"Mastodon account '{accountName}': Instance '{instance}' is not an absolute https:// URL such as https://mastodon.social.",
                nameof(instance));
        }

        // A bearer token sent in clear text can be read by anyone on the path; only the local machine is exempt.
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new ArgumentException(
                $"Mastodon account '{accountName}': Instance '{instance}' uses http://, which is accepted only for loopback hosts (localhost, 127.0.0.1, ::1); use https://.",
                nameof(instance));
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }
}
