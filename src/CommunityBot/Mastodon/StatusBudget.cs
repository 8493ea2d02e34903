using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Mastodon;

/// <summary>What an instance allows in one status, as its /api/v2/instance says.</summary>
/// <param name="DescriptionLimit">The longest description (alt text) of an attached image.</param>
public sealed record StatusBudget(int MaxCharacters, int CharactersReservedPerUrl, int DescriptionLimit = JsonInstanceMediaAttachments.DefaultDescriptionLimit)
{
    /// <summary>Mastodon's own defaults, used until the instance has answered.</summary>
    public static StatusBudget Default { get; } = new(500, MastodonTextCounter.DefaultCharactersReservedPerUrl);
}
