namespace CommunityBot.Clients.Mastodon;

internal sealed record MastodonResponse<T>(T Value, MastodonRateLimit? RateLimit, string? NextMaxId, string? PrevMinId)
{
    public System.Net.HttpStatusCode StatusCode { get; init; } = System.Net.HttpStatusCode.OK;
}
