using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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
        services.AddSection<ScheduleOptions, ScheduleOptionsValidator>(ScheduleOptions.Section, (section, options) => section.Bind(options));

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
            q.UsePersistentStore(store => UseBotDatabase(store, configuration, postgres));
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = SchedulerThreads);
            // The store names the job's type as text. The native executable resolves no type name by reflection, so
            // the type is registered here for every process, not only for one that happens to build a job with
            // JobBuilder.Create<EpigraphJob>(): a restarted bot, or an instance that finds its triggers already in the
            // shared store, creates none, and without this its first firing set the trigger to ERROR for good.
            q.AddJobType<EpigraphJob>(ServiceLifetime.Transient);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
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
    public static IServiceCollection AddEpigraphTargets<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>(this IServiceCollection services)
        where TSource : class, IEpigraphTargetSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEpigraphTargetSource, TSource>());
        return services;
    }

    /// <summary>
    /// The one place the job store's database is chosen: the same one <see cref="BotDatabase"/> opens. SQLite for
    /// one instance; PostgreSQL with clustering for several, where each trigger then fires on exactly one of them.
    /// </summary>
    /// <remarks>
    /// Quartz is handed each driver's factory rather than its name: a driver named by string is found by reflection,
    /// which a native AOT build cannot follow.
    /// </remarks>
    private static void UseBotDatabase(IPersistentStoreBuilder store, IConfiguration configuration, bool postgres)
    {
        var connectionString = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] ?? new StorageOptions().ConnectionString;
        if (postgres)
        {
            UsePostgres(store, connectionString);
            store.UseDriverDelegate<SchemaLockingPostgresDialect>();
            store.UseClustering(_ => { });
        }
        else
        {
            store.UseSqlite(SqliteFactory.Instance, SqliteConnectionString(connectionString));
        }
        store.ProvisionSchema();
        store.UseSystemTextJsonSerializer();
    }

    // A connection string SQLite refuses is Storage:ConnectionString's problem, reported by BotDatabase when it opens.
    private static string SqliteConnectionString(string connectionString)
    {
        try
        {
            return BotDatabase.SqliteConnectionString(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }

    // A method of its own, as in BotDatabase: the JIT loads the assemblies of every type a method names.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UsePostgres(IPersistentStoreBuilder store, string connectionString) =>
        store.UsePostgres(NpgsqlFactory.Instance, connectionString);
}
