namespace CommunityBot.Clients.Mastodon;

internal sealed record MastodonResponse<T>(T Value, MastodonRateLimit? RateLimit, string? NextMaxId, string? PrevMinId);
