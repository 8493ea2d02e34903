using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

/// <summary>Registers the Discord REST client.</summary>
public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordRestClient"/> as a typed HttpClient with its rate limits and retries, and
    /// <see cref="DiscordRestOptions"/> validated on start. The options come from <paramref name="configure"/> and from
    /// whatever else configures them (an application binds its configuration section with <c>AddOptions</c>).
    /// </summary>
    public static IHttpClientBuilder AddDiscordRest(this IServiceCollection services, Action<DiscordRestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<DiscordRestOptions, DiscordRestOptionsValidator>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddTransient<DiscordRateLimitHandler>();
        services.TryAddTransient<DiscordAuthorizationHandler>();

        return services
            .AddHttpClient<DiscordRestClient>((provider, client) =>
            {
                var value = provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value;
                var baseUrl = value.ApiBaseUrl.AbsoluteUri;
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);

                // Per-attempt timeouts live in DiscordRateLimitHandler; this one would also cut off waits and retries.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Recycling connections here instead of handlers keeps DNS fresh while a
                // DiscordRestClient may be held by a singleton.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // The default request logs print the URL, and interaction URLs carry the interaction token.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<DiscordRateLimitHandler>()
            .AddHttpMessageHandler<DiscordAuthorizationHandler>();
    }

    // Discord requires "DiscordBot ($url, $versionNumber)"; Cloudflare may block other agents.
    internal static string UserAgent { get; } =
        $"DiscordBot (https://github.com/communitybot, {typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0"})";
}
