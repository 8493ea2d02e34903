using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Clients.Mastodon;

/// <summary>An open <c>user:notification</c> stream of one account; disposing it closes the connection.</summary>
public interface IMastodonNotificationSubscription : IAsyncDisposable
{
    /// <summary>
    /// The next notification, skipping the stream's other events; null once the server closed the stream. A broken
    /// connection or an error sent by the server throws <see cref="MastodonStreamingException"/>.
    /// </summary>
    ValueTask<JsonNotification?> ReadAsync(CancellationToken cancellationToken = default);
}
