using CommunityBot.Clients.Mastodon;

namespace CommunityBot.Mastodon;

public static class ReplyVisibility
{
    private static readonly string[] _openToClosed = [MastodonVisibility.Public, MastodonVisibility.Unlisted, MastodonVisibility.Private, MastodonVisibility.Direct];

    /// <summary>
    /// The stricter of the two: a reply is never more visible than the mention or the account allows. A visibility we do
    /// not know (forks have <c>local</c>, <c>limited</c> and more) may be narrower than any we do, so it gets direct.
    /// </summary>
    public static string Stricter(string mention, string account)
    {
        var mentionRank = Array.IndexOf(_openToClosed, mention);
        return mentionRank < 0 ? MastodonVisibility.Direct : mentionRank >= Array.IndexOf(_openToClosed, account) ? mention : account;
    }
}
