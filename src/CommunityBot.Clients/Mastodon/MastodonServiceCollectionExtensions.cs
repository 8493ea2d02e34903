using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Mastodon;

/// <summary>Registers the Mastodon client.</summary>
public static class MastodonServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMastodonClientFactory"/>, its named HttpClient and <see cref="MastodonClientOptions"/>
    /// (validated on start). Uses the registered <see cref="TimeProvider"/>, or the system clock when there is none.
    /// </summary>
    public static IServiceCollection AddMastodon(
        this IServiceCollection services,
        Action<MastodonClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptionsWithValidateOnStart<MastodonClientOptions, MastodonClientOptionsValidator>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MastodonClientFactory.HttpClientName, (provider, client) =>
        {
            // The client applies its own per-attempt timeout through the TimeProvider.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.ParseAdd(provider.GetRequiredService<IOptions<MastodonClientOptions>>().Value.UserAgent);
        })
        // HttpClient's own request logs carry the headers as fields, the access token among them; the client logs
        // each call itself, without them.
        .RemoveAllLoggers();
        services.TryAddSingleton<IMastodonClientFactory, MastodonClientFactory>();
        return services;
    }
}
