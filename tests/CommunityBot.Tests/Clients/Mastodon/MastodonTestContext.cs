using CommunityBot.Clients.Mastodon;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CommunityBot.Tests.Clients.Mastodon;

/// <summary>A fake Mastodon, fake time, captured logs and a real client built through AddMastodon.</summary>
internal sealed class MastodonTestContext : IAsyncDisposable
{
    public const string AccountName = "epigraphs-main";
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    private MastodonTestContext(FakeMastodonServer server, DelayRecordingTimeProvider time, FakeLogCollector logs, ServiceProvider services)
    {
        Server = server;
        Time = time;
        Logs = logs;
        _services = services;
        Factory = services.GetRequiredService<IMastodonClientFactory>();
        Client = Factory.Create(AccountName, server.BaseUri.ToString(), FakeMastodonServer.AccessToken);
    }

    public FakeMastodonServer Server { get; }

    public DelayRecordingTimeProvider Time { get; }

    public FakeLogCollector Logs { get; }

    public IMastodonClientFactory Factory { get; }

    public IMastodonClient Client { get; }

    public static async Task<MastodonTestContext> StartAsync(Action<MastodonClientOptions>? configure = null)
    {
        var time = new DelayRecordingTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), RequestTimeout);
        var server = await FakeMastodonServer.StartAsync(time);
        var logs = FakeLogs.Collector();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time)
            .AddMastodon(options =>
            {
                options.RequestTimeout = RequestTimeout;
                configure?.Invoke(options);
            })
            .BuildServiceProvider();
        return new MastodonTestContext(server, time, logs, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
