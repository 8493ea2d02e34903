using CommunityBot.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database, its migrations (run first at start) and the repositories.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSection<StorageOptions, StorageOptionsValidator>(StorageOptions.Section);
        services.AddSingleton<BotDatabase>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<GuildSettingsRepository>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<RotationRepository>();
        services.AddSingleton<TargetHealthRepository>();
        services.AddSingleton<SourceStateRepository>();
        services.AddSingleton<AnnouncedRepository>();
        services.AddSingleton<ClusterLock>();
        return services;
    }
}
