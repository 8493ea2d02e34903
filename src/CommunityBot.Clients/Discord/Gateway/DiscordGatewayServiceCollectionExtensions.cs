using CommunityBot.Clients.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>Registers the Discord gateway client.</summary>
public static class DiscordGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ShardedGatewayClient"/> and <see cref="DiscordGatewayOptions"/> validated on start. The
    /// options come from <paramref name="configure"/> and from whatever else configures them. The client asks
    /// <c>GET /gateway/bot</c> through the <see cref="DiscordRestClient"/> of <c>AddDiscordRest</c> unless another
    /// <see cref="IGatewayBotProvider"/> is registered, and takes its identify turns in process unless another
    /// <see cref="IGatewayIdentifyGate"/> is registered first.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, Action<DiscordGatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<DiscordGatewayOptions, DiscordGatewayOptionsValidator>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGatewayBotProvider>(provider => provider.GetRequiredService<DiscordRestClient>());
        services.TryAddSingleton<IGatewayIdentifyGate>(provider => new InProcessIdentifyGate(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ShardedGatewayClient>();
        return services;
    }
}
