namespace CommunityBot.Clients.Mastodon;

/// <summary>Makes the client of one account from its instance and access token.</summary>
public interface IMastodonClientFactory
{
    /// <summary>
    /// Creates the client for one configured account. <paramref name="instance"/> must be https://, or http:// on a
    /// loopback host; anything else throws an <see cref="ArgumentException"/> naming the account and the Instance key.
    /// </summary>
    IMastodonClient Create(string accountName, string instance, string accessToken);
}
