using CommunityBot.Cards;
using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Clients.Mastodon;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Mastodon;

/// <summary>
/// The Mastodon capability wired as Program.cs wires it (AddStorage, AddContent, AddCommands, AddDelivery, AddMastodon)
/// over a real SQLite file, against the loopback fake Mastodon, on fake time. Account "main" works; "broken" has a
/// token the fake refuses.
/// </summary>
internal sealed class MastodonBotHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _shared;

    private MastodonBotHarness(FakeMastodonServer server, DelayRecordingTimeProvider time, TestDatabase db, FakeLogCollector logs, ServiceProvider services, bool shared)
    {
        _shared = shared;
        Logs = logs;
        Server = server;
        Time = time;
        Db = db;
        _services = services;
    }

    public FakeMastodonServer Server { get; }

    public DelayRecordingTimeProvider Time { get; }

    public TestDatabase Db { get; }

    public IServiceProvider Services => _services;

    public MastodonAccounts Accounts => _services.GetRequiredService<MastodonAccounts>();

    public MastodonAccount Main => Accounts.All[0];

    public OutboxRepository Outbox => _services.GetRequiredService<OutboxRepository>();

    public FakeLogCollector Logs { get; }

    public static async Task<MastodonBotHarness> StartAsync(int repliesPerPersonPerHour = 5, int repliesPerHour = 60) =>
        await StartAsync(repliesPerPersonPerHour, repliesPerHour, null);

    /// <summary>With Cards:Enabled, and Cards on for account "main".</summary>
    /// <param name="settings">Configuration over the harness's own (Cards:FontFile, say).</param>
    /// <param name="configure">Services beside Mastodon's (another kind of target, the epigraph poster).</param>
    public static async Task<MastodonBotHarness> StartWithCardsAsync(
        TestDatabase? db = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        await StartAsync(5, 60, null, db, cards: true, settings, configure);

    /// <summary>Another instance on the database and fake server of <paramref name="first"/>, which keeps owning them.</summary>
    public static async Task<MastodonBotHarness> StartBesideAsync(MastodonBotHarness first) => await StartAsync(5, 60, first);

    private static async Task<MastodonBotHarness> StartAsync(int repliesPerPersonPerHour, int repliesPerHour, MastodonBotHarness? first, TestDatabase? db = null, bool cards = false,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var time = first?.Time ?? new DelayRecordingTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), MastodonTestContext.RequestTimeout);
        var server = first?.Server ?? await FakeMastodonServer.StartAsync(time);
        db ??= first?.Db ?? await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Path"] = RepositoryPaths.SeedEssays,
            ["Storage:Provider"] = db.Options.Provider,
            // A locked database fails after a second instead of SQLite's ten, for the test that locks it.
            ["Storage:ConnectionString"] = db.Options.IsPostgres ? db.Options.ConnectionString : db.Options.ConnectionString + ";Default Timeout=1",
            ["Mastodon:RepliesPerPersonPerHour"] = repliesPerPersonPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mastodon:RepliesPerHour"] = repliesPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mastodon:Accounts:0:Name"] = "main",
            ["Mastodon:Accounts:0:Instance"] = server.BaseUri.ToString(),
            ["Mastodon:Accounts:0:AccessToken"] = FakeMastodonServer.AccessToken,
            ["Mastodon:Accounts:0:Visibility"] = "unlisted",
            ["Mastodon:Accounts:0:Hashtags:0"] = "quotes",
            ["Mastodon:Accounts:1:Name"] = "broken",
            ["Mastodon:Accounts:1:Instance"] = server.BaseUri.ToString(),
            ["Mastodon:Accounts:1:AccessToken"] = "revoked-token-0042",
            ["Cards:Enabled"] = cards ? "true" : "false",
            ["Mastodon:Accounts:0:Cards"] = cards ? "true" : "false",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var logs = FakeLogs.Collector();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IRandomSource>(new FirstRandomSource())
            .AddStorage()
            .AddContent()
            .AddCommands()
            .AddDelivery()
            .AddMastodon()
            .AddCards()
            .Configure<global::CommunityBot.Clients.Mastodon.MastodonClientOptions>(o => o.RequestTimeout = MastodonTestContext.RequestTimeout);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new MastodonBotHarness(server, time, db, logs, provider, first is not null);
    }

    /// <summary>The first of several instances, on a database of the given provider.</summary>
    public static async Task<MastodonBotHarness> StartOnAsync(string provider) =>
        await StartAsync(5, 60, null, await TestDatabase.CreateAsync(provider));

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public MastodonMentionPoller Poller => _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<MastodonMentionPoller>().Single();

    public MastodonMentionStreamer Streamer => _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<MastodonMentionStreamer>().Single();

    public MastodonAccountMonitor Monitor => _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<MastodonAccountMonitor>().Single();

    public IReadOnlyList<FakeMastodonRequest> Posts => [.. Server.Requests.Where(r => r.Method == "POST")];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_shared)
        {
            return;
        }
        await Server.DisposeAsync();
        await Db.DisposeAsync();
    }
}
