using CommunityBot.Clients.Mastodon;

namespace CommunityBot.Mastodon;

public static class ReplyVisibility
{
    private static readonly string[] _openToClosed = [MastodonVisibility.Public, MastodonVisibility.Unlisted, MastodonVisibility.Private, MastodonVisibility.Direct];

    /// <summary>The stricter of the two: a reply is never more visible than the mention or the account allows.</summary>
    public static string Stricter(string mention, string account) =>
        Array.IndexOf(_openToClosed, mention) >= Array.IndexOf(_openToClosed, account) ? mention : account;
}
