namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>An account mentioned in a status.</summary>
public sealed record JsonMention
{
    public required string Id { get; init; }

    public required string Username { get; init; }

    public required string Acct { get; init; }

    public string? Url { get; init; }
}
