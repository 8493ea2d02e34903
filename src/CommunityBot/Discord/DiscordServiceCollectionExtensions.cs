using CommunityBot.Cards;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Configuration;
using CommunityBot.Delivery;
using CommunityBot.Discord.Config;
using CommunityBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Slash commands over our own gateway and REST clients, all read from the Discord section.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        services.AddSection<DiscordBotOptions, DiscordBotOptionsValidator>(DiscordBotOptions.Section)
            .Configure<IConfiguration>((discord, configuration) => discord.HttpUrls = configuration["Http:Urls"] ?? "");
        services.AddSection<DiscordGatewayOptions, DiscordGatewayOptionsValidator>(DiscordBotOptions.Section)
            .Configure<IConfiguration>((gateway, configuration) => ShardIdList.Apply(gateway, configuration[ShardIdList.Key]));
        services.AddDiscordRest();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DiscordRestOptions>, DiscordLimitShare>());
        services.AddSectionCheck<DiscordRestOptions>(DiscordBotOptions.Section);
        services.AddSingleton<IGatewayBotProvider>(provider => provider.GetRequiredService<DiscordRestClient>());
        // GUILDS (1 << 0), not privileged: without it Discord does not say when the bot is removed from a guild.
        services.PostConfigure<DiscordGatewayOptions>(gateway => gateway.Intents |= 1);
        // Several instances on PostgreSQL take their identify turns in the database; one on SQLite is alone with the token.
        services.AddSingleton<IGatewayIdentifyGate>(provider => provider.GetRequiredService<BotDatabase>().IsPostgres
            ? ActivatorUtilities.CreateInstance<DatabaseIdentifyGate>(provider)
            : new InProcessIdentifyGate(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ShardedGatewayClient>();
        services.AddSingleton<InteractionResponder>();
        services.AddSingleton<InteractionHandler>();
        services.AddDiscordConfig();
        services.AddSingleton<DiscordCommandRegistrar>();
        services.AddHostedService<DiscordService>();
        services.AddSingleton<IDeliveryChannel, DiscordDeliveryChannel>();
        services.AddCardPreference<GuildCardPreference>();
        return services;
    }
}
