using CommunityBot.History;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Discord.Config;

public static class ConfigServiceCollectionExtensions
{
    /// <summary>/config and the guild-removal clean-up; needs storage and an <see cref="Scheduling.IEpigraphScheduler"/> and poster.</summary>
    public static IServiceCollection AddDiscordConfig(this IServiceCollection services)
    {
        services.AddSingleton<BotChannelAccess>();
        services.AddSingleton<GuildConfigurator>();
        services.AddHistory();
        services.AddSingleton<ConfigHistoryRenderer>();
        services.AddSingleton<ConfigCommandHandler>();
        services.AddSingleton<GuildRemovedHandler>();
        return services;
    }
}
