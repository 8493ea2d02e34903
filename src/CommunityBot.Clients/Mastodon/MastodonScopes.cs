namespace CommunityBot.Clients.Mastodon;

/// <summary>The OAuth scopes a bot token needs for the calls this client makes.</summary>
public static class MastodonScopes
{
    public const string WriteStatuses = "write:statuses";
    public const string ReadNotifications = "read:notifications";
    public const string ReadAccounts = "read:accounts";

    public static IReadOnlyList<string> Required { get; } = [WriteStatuses, ReadNotifications, ReadAccounts];
}
