using CommunityBot.Cluster;
using CommunityBot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database, its migrations (run first at start) and the repositories.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSection<StorageOptions, StorageOptionsValidator>(StorageOptions.Section, (section, options) => section.Bind(options));
        services.AddSingleton<BotDatabase>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<GuildSettingsRepository>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<RotationRepository>();
        services.AddSingleton<TargetHealthRepository>();
        services.AddSingleton<SourceStateRepository>();
        services.AddSingleton<AnnouncedRepository>();
        // One name for an instance in the outbox leases, Quartz's tables and the log of who does once-per-cluster work.
        services.AddSingleton(provider => new ClusterLock(
            provider.GetRequiredService<BotDatabase>(),
            provider.GetRequiredService<ILogger<ClusterLock>>(),
            provider.GetService<IOptions<ClusterOptions>>()?.Value.InstanceId));
        return services;
    }
}
