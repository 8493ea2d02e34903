namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary><c>configuration.statuses</c>; the defaults are Mastodon's own, for servers that leave a field out.</summary>
public sealed record JsonInstanceStatuses
{
    public int MaxCharacters { get; init; } = 500;

    public int MaxMediaAttachments { get; init; } = 4;

    public int CharactersReservedPerUrl { get; init; } = MastodonTextCounter.DefaultCharactersReservedPerUrl;
}
