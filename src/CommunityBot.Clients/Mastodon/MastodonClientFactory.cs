using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Mastodon;

internal sealed class MastodonClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptions<MastodonClientOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IMastodonClientFactory
{
    public const string HttpClientName = "CommunityBot.Mastodon";

    public IMastodonClient Create(string accountName, string instance, string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        var baseUri = MastodonInstanceUri.Parse(accountName, instance);

        // Checked here so that a malformed token fails with our message, not with a header parser's that quotes it.
        if (string.IsNullOrWhiteSpace(accessToken) || accessToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"Mastodon account '{accountName}': AccessToken is missing or contains whitespace.", nameof(accessToken));
        }

        return new MastodonClient(
            accountName,
            baseUri,
            accessToken,
            httpClientFactory,
            options.Value,
            timeProvider,
            loggerFactory.CreateLogger<MastodonClient>());
    }
}
