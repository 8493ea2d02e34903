using CommunityBot.Cards;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Configuration;
using CommunityBot.Delivery;
using CommunityBot.Discord.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Slash commands over our own gateway and REST clients, all read from the Discord section.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        services.AddSection<DiscordBotOptions, DiscordBotOptionsValidator>(DiscordBotOptions.Section);
        services.AddSection<DiscordGatewayOptions, DiscordGatewayOptionsValidator>(DiscordBotOptions.Section)
            .Configure<IConfiguration>((gateway, configuration) => ShardIdList.Apply(gateway, configuration[ShardIdList.Key]));
        services.AddDiscordRest();
        services.AddSectionCheck<DiscordRestOptions>(DiscordBotOptions.Section);
        services.AddSingleton<IGatewayBotProvider>(provider => provider.GetRequiredService<DiscordRestClient>());
        // GUILDS (1 << 0), not privileged: without it Discord does not say when the bot is removed from a guild.
        services.PostConfigure<DiscordGatewayOptions>(gateway => gateway.Intents |= 1);
        services.AddSingleton<ShardedGatewayClient>();
        services.AddSingleton<InteractionHandler>();
        services.AddDiscordConfig();
        services.AddSingleton<DiscordCommandRegistrar>();
        services.AddHostedService<DiscordService>();
        services.AddSingleton<IDeliveryChannel, DiscordDeliveryChannel>();
        services.AddCardPreference<GuildCardPreference>();
        return services;
    }
}
