namespace CommunityBot.Clients.Mastodon;

internal sealed partial class MastodonClient
{
    public async Task<IMastodonNotificationSubscription> StreamNotificationsAsync(string? streamingUrl, CancellationToken cancellationToken = default)
    {
        var uri = MastodonStreamingUri.For(AccountName, Instance, streamingUrl);
        var stream = await MastodonNotificationSubscription.ConnectAsync(AccountName, uri, _accessToken, _options, _timeProvider, cancellationToken);
        Log.StreamOpened(_logger, AccountName, uri);
        return stream;
    }
}
