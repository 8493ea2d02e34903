using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Mastodon;

/// <summary>Stands in for an account whose configuration cannot make a client, so the other accounts carry on.</summary>
internal sealed class UnusableMastodonClient(string accountName, string problem) : IMastodonClient
{
    public string AccountName => accountName;

    public Uri Instance { get; } = new("https://invalid.invalid");

    public Task<JsonAccount> VerifyCredentialsAsync(CancellationToken cancellationToken = default) => Fail<JsonAccount>();

    public Task<JsonInstance> GetInstanceAsync(CancellationToken cancellationToken = default) => Fail<JsonInstance>();

    public Task<JsonStatus> PostStatusAsync(JsonStatusCreate status, string idempotencyKey, CancellationToken cancellationToken = default) => Fail<JsonStatus>();

    public Task<MastodonMedia> UploadMediaAsync(MastodonUpload upload, CancellationToken cancellationToken = default) => Fail<MastodonMedia>();

    public Task<MastodonMedia> GetMediaAsync(string id, CancellationToken cancellationToken = default) => Fail<MastodonMedia>();

    public Task<MastodonPage<JsonNotification>> GetMentionNotificationsAsync(string? minId, int limit = 40, CancellationToken cancellationToken = default) =>
        Fail<MastodonPage<JsonNotification>>();

    public Task<IMastodonNotificationSubscription> StreamNotificationsAsync(string? streamingUrl, CancellationToken cancellationToken = default) =>
        Fail<IMastodonNotificationSubscription>();

    private Task<T> Fail<T>() => Task.FromException<T>(new InvalidOperationException(problem));
}
