namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>An Account entity; <see cref="Acct"/> is <c>user</c> for local and <c>user@domain</c> for remote accounts.</summary>
public sealed record JsonAccount
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public required string Acct { get; init; }

    public string DisplayName { get; init; } = "";

    public bool Bot { get; init; }

    public string? Url { get; init; }

    public string? Note { get; init; }

    public string? Avatar { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
