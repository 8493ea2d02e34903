using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CommunityBot.Tests.Scheduling;

/// <summary>
/// The scheduling services as the bot wires them (AddScheduling, Quartz's job store in the test's SQLite file),
/// over a temporary essays folder, fake time and a recording delivery channel for "console" and "discord:".
/// </summary>
internal sealed class SchedulingHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];
    private readonly Lifetime _lifetime;

    private SchedulingHost(ServiceProvider services)
    {
        _services = services;
        _lifetime = (Lifetime)services.GetRequiredService<IHostApplicationLifetime>();
    }

    public IServiceProvider Services => _services;

    public EpigraphScheduler Scheduler => _services.GetRequiredService<EpigraphScheduler>();

    public IEpigraphPoster Poster => _services.GetRequiredService<IEpigraphPoster>();

    public OutboxRepository Outbox => _services.GetRequiredService<OutboxRepository>();

    public static SchedulingHost Create(
        TestDatabase database,
        string essays,
        TimeProvider time,
        IRandomSource random,
        ILoggerProvider? logs = null,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = database.Options.Provider,
                ["Storage:ConnectionString"] = database.Options.ConnectionString,
                ["Content:Path"] = essays,
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Information);
            if (logs is not null)
            {
                l.AddProvider(logs);
            }
        });
        services.AddSingleton(time);
        services.AddSingleton(database.Database);
        services.AddSingleton<GuildSettingsRepository>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<RotationRepository>();
        services.AddSingleton(random);
        services.AddSingleton(Options.Create(new ContentOptions { Path = essays }));
        services.AddSingleton<ContentStore>();
        services.AddSingleton<IDeliveryChannel>(new RecordingDeliveryChannel(TargetKind.Console));
        services.AddSingleton<IDeliveryChannel>(new RecordingDeliveryChannel(TargetKind.Discord));
        services.AddSingleton<IHostApplicationLifetime, Lifetime>();
        services.AddScheduling(configuration);
        configure?.Invoke(services);
        return new SchedulingHost(services.BuildServiceProvider());
    }

    /// <summary>
    /// Starts the hosted services in the order the bot does, then reports the application started, which is when
    /// Quartz starts firing: after the target sync, as in the bot.
    /// </summary>
    public async Task StartAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            _started.Add(service);
        }
        await _lifetime.StartedAsync();
    }

    public async Task<IScheduler> QuartzAsync() =>
        await _services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        await _services.DisposeAsync();
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public Task StartedAsync() => _started.CancelAsync();

        public void StopApplication()
        {
        }

        public void Dispose() => _started.Dispose();
    }
}
