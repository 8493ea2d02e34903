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
        services.AddSection<DiscordBotOptions, DiscordBotOptionsValidator>(DiscordBotOptions.Section, (section, options) => section.Bind(options))
            .Configure<IConfiguration>((discord, configuration) => discord.HttpUrls = configuration["Http:Urls"] ?? "");
        // The clients know nothing of configuration: their options are bound here, and ConfigurationCheck puts the
        // section in front of their messages, which name the option only.
        services.AddOptions<DiscordGatewayOptions>()
            .Configure<IConfiguration>((gateway, configuration) =>
            {
                configuration.GetSection(DiscordBotOptions.Section).Bind(gateway);
                ShardIdList.Apply(gateway, configuration[ShardIdList.Key]);
            });
        services.AddClientSectionCheck<DiscordGatewayOptions>(DiscordBotOptions.Section);
        services.AddOptions<DiscordRestOptions>().BindConfiguration(DiscordBotOptions.Section);
        services.AddClientSectionCheck<DiscordRestOptions>(DiscordBotOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DiscordRestOptions>, DiscordLimitShare>());
        services.AddDiscordRest();
        // Several instances on PostgreSQL take their identify turns in the database; one on SQLite is alone with the
        // token. Registered before AddDiscordGateway, whose in-process gate is only the default.
        services.AddSingleton<IGatewayIdentifyGate>(provider => provider.GetRequiredService<BotDatabase>().IsPostgres
            ? ActivatorUtilities.CreateInstance<DatabaseIdentifyGate>(provider)
            : new InProcessIdentifyGate(provider.GetRequiredService<TimeProvider>()));
        // Guilds, not privileged: without it Discord does not say when the bot is removed from a guild.
        services.AddDiscordGateway(gateway => gateway.Intents |= GatewayIntents.Guilds);
        services.AddSingleton<InteractionResponder>();
        services.AddSingleton<InteractionHandler>();
        services.AddDiscordConfig();
        services.AddSingleton<DiscordCommandRegistrar>();
        services.AddSingleton<StartupCompaction>();
        services.AddHostedService<DiscordService>();
        services.AddSingleton<IDeliveryChannel, DiscordDeliveryChannel>();
        services.AddCardPreference<GuildCardPreference>();
        return services;
    }
}
