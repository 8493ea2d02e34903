using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// One Mastodon account on one instance. Keep one instance per account for the life of the process: it carries that
/// account's rate-limit state. Failures surface as <see cref="MastodonApiException"/> after the client's own retries.
/// </summary>
public interface IMastodonClient
{
    string AccountName { get; }

    Uri Instance { get; }

    /// <summary>GET /api/v1/accounts/verify_credentials; a refused token throws <see cref="MastodonAuthorizationException"/>.</summary>
    Task<JsonAccount> VerifyCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>GET /api/v2/instance, for <c>configuration.statuses</c> (max_characters, characters_reserved_per_url).</summary>
    Task<JsonInstance> GetInstanceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /api/v1/statuses. The <paramref name="idempotencyKey"/> belongs to the post, not to the attempt: every retry,
    /// here or by the caller within the server's one-hour window, must send the same key so the status appears once.
    /// </summary>
    Task<JsonStatus> PostStatusAsync(JsonStatusCreate status, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /api/v2/media (multipart: file, description). Mastodon 4 processes small images at once (200); otherwise it
    /// answers 202 and the media can be attached only once <see cref="GetMediaAsync"/> no longer says it is processing.
    /// </summary>
    Task<MastodonMedia> UploadMediaAsync(MastodonUpload upload, CancellationToken cancellationToken = default);

    /// <summary>GET /api/v1/media/{id}: 200 when the media is ready, 206 while it is still processing.</summary>
    Task<MastodonMedia> GetMediaAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// GET /api/v1/notifications?types[]=mention. With <paramref name="minId"/> the server returns the mentions
    /// immediately newer than that notification id (at most <paramref name="limit"/>, 1–80); call again with
    /// <see cref="MastodonPage{T}.PrevMinId"/> until a page comes back short, and persist the last PrevMinId as the cursor.
    /// Requests with a cursor count against Mastodon's stricter paging limit: pace polls by
    /// <see cref="MastodonRateLimit.SuggestedInterval"/> of <see cref="MastodonPage{T}.RateLimit"/>.
    /// </summary>
    Task<MastodonPage<JsonNotification>> GetMentionNotificationsAsync(
        string? minId,
        int limit = 40,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the account's notification stream: a WebSocket to <c>{streaming}/api/v1/streaming?stream=user:notification</c>
    /// with the token in the Authorization header, never in the URL. <paramref name="streamingUrl"/> is the instance's
    /// <c>configuration.urls.streaming</c>, or null to use the instance's own host. A refused upgrade throws
    /// <see cref="MastodonStreamingException"/>.
    /// </summary>
    Task<IMastodonNotificationSubscription> StreamNotificationsAsync(string? streamingUrl, CancellationToken cancellationToken = default);
}
