namespace CommunityBot.Clients.Mastodon;

/// <summary>What is needed to build the same HTTP request again for every attempt.</summary>
internal sealed record MastodonRequest(HttpMethod Method, string PathAndQuery, MastodonRateLimitBucket Bucket)
{
    public byte[]? JsonBody { get; init; }

    public string? IdempotencyKey { get; init; }
}
