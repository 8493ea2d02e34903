using CommunityBot.Cards;
using CommunityBot.Cluster;
using CommunityBot.Commands;
using CommunityBot.Configuration;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CommunityBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    private const int SchedulerThreads = 10;

    /// <summary>
    /// Quartz with its job store in the bot's own database, the epigraph job, scheduler, poster, and the start-up
    /// sync of targets. Targets come from the <see cref="IEpigraphTargetSource"/>s each mode adds.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<ScheduleOptions, ScheduleOptionsValidator>(ScheduleOptions.Section);

        var postgres = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] == StorageProvider.Postgres;
        // The scheduler takes the TimeProvider registered in the container, so fake time reaches Quartz too.
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // One id per instance, the one its outbox leases carry, rather than Quartz's generated AUTO id.
                o.InstanceId = ClusterServiceCollectionExtensions.InstanceId(configuration);
                // Triggers due together (a thousand channels at 09:00) are taken a batch per round of the store's
                // lock, not one per round: on a clustered store one trigger at a time fired about 19 a second.
                o.MaxBatchSize = SchedulerThreads;
            });
            q.UsePersistentStore(store => UseBotDatabase(store, postgres));
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = SchedulerThreads);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.AddTransient<EpigraphJob>();
        services.AddSingleton<EpigraphScheduler>();
        services.AddSingleton<IEpigraphScheduler>(sp => sp.GetRequiredService<EpigraphScheduler>());
        // The poster attaches cards; without AddCards they stay off (Cards:Enabled is false by default).
        services.TryAddSingleton<CardStudio>();
        services.AddSingleton<EpigraphPoster>();
        services.AddSingleton<IEpigraphPoster>(sp => sp.GetRequiredService<EpigraphPoster>());
        services.AddHostedService<EpigraphTargetSync>();
        return services;
    }

    /// <summary>Adds a kind of target whose epigraph triggers are kept in step at start.</summary>
    public static IServiceCollection AddEpigraphTargets<TSource>(this IServiceCollection services)
        where TSource : class, IEpigraphTargetSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEpigraphTargetSource, TSource>());
        return services;
    }

    /// <summary>
    /// The one place the job store's database is chosen: the same one <see cref="BotDatabase"/> opens. SQLite for
    /// one instance; PostgreSQL with clustering for several, where each trigger then fires on exactly one of them.
    /// </summary>
    private static void UseBotDatabase(IPersistentStoreBuilder store, bool postgres)
    {
        if (postgres)
        {
            store.UsePostgres(o => o.DataSourceFactory = sp => NpgsqlDataSource.Create(sp.GetRequiredService<BotDatabase>().ConnectionString));
            store.UseDriverDelegate<SchemaLockingPostgresDialect>();
            store.UseClustering(_ => { });
        }
        else
        {
            store.UseSqlite(o => o.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(sp.GetRequiredService<BotDatabase>().ConnectionString));
        }
        store.ProvisionSchema();
        store.UseSystemTextJsonSerializer();
    }
}
