using CommunityBot.Announcements;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Console;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Clients.Mastodon;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using CommunityBot.Tests.Cards;

namespace CommunityBot.Tests.Announcements;

/// <summary>
/// Announcements wired as Program.cs wires them (AddStorage, AddContent, AddAnnouncements), over a real SQLite
/// file, an essays folder and fake time, with the three real delivery channels and their target sources: the
/// console, Discord guild 111 (channel 222, role 333) and Mastodon account "main". Disposing it and creating
/// another on the same database is a restart. Delivery is not started: the tests read the outbox rows.
/// </summary>
internal sealed class AnnouncementHarness : IAsyncDisposable
{
    public const string ConsoleTarget = "console";
    public const string DiscordTarget = "discord:111:222";
    public const string MastodonTarget = "mastodon:main";
    public const ulong RoleId = 333;

    private readonly ServiceProvider _services;
    private EssayFolderAnnouncer? _folder;
    private bool _polling;

    private AnnouncementHarness(ServiceProvider services, FakeLogCollector logs)
    {
        _services = services;
        Logs = logs;
    }

    public FakeLogCollector Logs { get; }

    public ContentStore Content => _services.GetRequiredService<ContentStore>();

    public Announcer Announcer => _services.GetRequiredService<Announcer>();

    public FeedPoller Poller => _services.GetServices<IHostedService>().OfType<FeedPoller>().Single();

    public OutboxRepository Outbox => _services.GetRequiredService<OutboxRepository>();

    public SourceStateRepository States => _services.GetRequiredService<SourceStateRepository>();

    public AnnouncedRepository Announced => _services.GetRequiredService<AnnouncedRepository>();

    /// <summary>Builds the services, starts the folder announcer and waits for its baseline or catch-up.</summary>
    public static async Task<AnnouncementHarness> StartAsync(
        TestDatabase db, string essays, FakeTimeProvider time, IReadOnlyList<string>? feeds = null, TimeSpan? pollInterval = null, TimeSpan? feedTimeout = null)
    {
        await new GuildSettingsRepository(db.Database, time).SaveAsync(new GuildSettings(111, AnnounceChannelId: 222, AnnounceRoleId: RoleId));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = db.Options.Provider,
            ["Storage:ConnectionString"] = db.Options.ConnectionString,
            ["Content:Path"] = essays,
            ["Mastodon:Accounts:0:Name"] = "main",
            ["Mastodon:Accounts:0:Instance"] = "https://social.example",
            ["Mastodon:Accounts:0:AccessToken"] = "token",
            ["Mastodon:Accounts:0:Hashtags:0"] = "journal",
        };
        for (var i = 0; i < (feeds?.Count ?? 0); i++)
        {
            settings[$"Feeds:{i}:Url"] = feeds![i];
            settings[$"Feeds:{i}:PollInterval"] = (pollInterval ?? TimeSpan.FromMinutes(15)).ToString("c");
            if (feedTimeout is { } timeout)
            {
                settings[$"Feeds:{i}:Timeout"] = timeout.ToString("c");
            }
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = FakeLogs.Collector();
        var mastodonClients = new Mock<IMastodonClientFactory>();
        mastodonClients.Setup(f => f.Create(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>())).Returns(Mock.Of<IMastodonClient>());
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(time)
            .AddStorage()
            .AddContent()
            .AddAnnouncements();
        services.AddOptions<MastodonOptions>().BindConfiguration(MastodonOptions.Section);
        services.AddSingleton(mastodonClients.Object);
        services.AddSingleton<MastodonAccounts>();
        services.AddSingleton(TestCards.Off());
        services.AddSingleton(new LocalConsole(TextReader.Null, TextWriter.Null));
        services.AddSingleton<IDeliveryChannel, ConsoleDeliveryChannel>();
        services.AddSingleton<IDeliveryChannel>(TestCards.Discord(new DiscordRestClient(new HttpClient())));
        services.AddSingleton<IDeliveryChannel, MastodonDeliveryChannel>();
        services.AddAnnouncementTargets<ConsoleAnnouncementTargetSource>();
        services.AddAnnouncementTargets<GuildAnnouncementTargetSource>();
        services.AddAnnouncementTargets<MastodonAnnouncementTargetSource>();
        var harness = new AnnouncementHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
        harness._folder = harness._services.GetServices<IHostedService>().OfType<EssayFolderAnnouncer>().Single();
        await harness._folder.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await harness._folder.CaughtUp.WaitAsync(TimeSpan.FromSeconds(10));
        return harness;
    }

    /// <summary>Reloads a file as the folder watcher does and waits until the announcer handled what it added.</summary>
    public async Task ReloadAsync(string path, int expectedAdded = 1)
    {
        var handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHandled(Essay essay)
        {
            if (Interlocked.Increment(ref handled) == expectedAdded)
            {
                done.TrySetResult();
            }
        }
        _folder!.Handled += OnHandled;
        try
        {
            Content.Reload(path);
            if (expectedAdded > 0)
            {
                await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            _folder.Handled -= OnHandled;
        }
    }

    /// <summary>Starts the feed poller as the host does: every feed in its own loop, on the fake clock.</summary>
    public async Task StartPollingAsync()
    {
        _polling = true;
        await Poller.StartAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<OutboxEntry>> AnnouncementsAsync() =>
        [.. (await Outbox.AllAsync()).Where(e => e.Kind == Announcer.Kind)];

    public async ValueTask DisposeAsync()
    {
        if (_polling)
        {
            await Poller.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        if (_folder is not null)
        {
            await _folder.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        await _services.DisposeAsync();
    }
}
