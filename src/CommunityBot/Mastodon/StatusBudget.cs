using CommunityBot.Clients.Mastodon;

namespace CommunityBot.Mastodon;

/// <summary>What an instance allows in one status, as its /api/v2/instance says.</summary>
public sealed record StatusBudget(int MaxCharacters, int CharactersReservedPerUrl)
{
    /// <summary>Mastodon's own defaults, used until the instance has answered.</summary>
    public static StatusBudget Default { get; } = new(500, MastodonTextCounter.DefaultCharactersReservedPerUrl);
}
