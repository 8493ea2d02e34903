namespace CommunityBot.Clients.Mastodon;

/// <summary>The values of a status's <c>visibility</c>.</summary>
public static class MastodonVisibility
{
    public const string Public = "public";
    public const string Unlisted = "unlisted";
    public const string Private = "private";
    public const string Direct = "direct";
}
