namespace CommunityBot.Clients.Mastodon;

/// <summary>What is needed to build the same HTTP request again for every attempt.</summary>
internal sealed record MastodonRequest(HttpMethod Method, string PathAndQuery, MastodonRateLimitBucket Bucket)
{
    public byte[]? JsonBody { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>A file to send as multipart/form-data instead of a JSON body.</summary>
    public MastodonUpload? Upload { get; init; }

    /// <summary>A 206 with an empty body means "still processing"; its response has no value.</summary>
    public bool EmptyWhileProcessing { get; init; }
}
