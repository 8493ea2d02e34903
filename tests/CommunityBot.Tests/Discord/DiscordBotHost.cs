using System.Globalization;
using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using CommunityBot.Tests.Clients.Discord.Gateway;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Discord;

/// <summary>The bot's host wired as Program.cs wires it, configured to talk to <see cref="FakeDiscord"/>.</summary>
public sealed class DiscordBotHost : IAsyncDisposable
{
    public const string Token = "test-token";
    public const ulong ApplicationId = 775799577604522054;

    private DiscordBotHost(IHost host, GatewayTestLogger logger)
    {
        Host = host;
        Logger = logger;
    }

    public IHost Host { get; }

    public GatewayTestLogger Logger { get; }

    /// <param name="configure">Runs last before the host is built: fake time, more capabilities, log levels.</param>
    public static async Task<DiscordBotHost> StartAsync(FakeDiscord discord, IDictionary<string, string?>? settings = null, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApplicationId"] = ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord:ApiBaseUrl"] = discord.Rest.BaseUrl.ToString(),
            ["Content:Path"] = RepositoryPaths.SeedEssays,
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("communitybot-host-").FullName, "bot.db")}",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStorage();
        builder.Services.AddDelivery();
        builder.Services.AddContent();
        builder.Services.AddCommands();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddDiscord();
        builder.Services.AddEpigraphTargets<GuildEpigraphTargetSource>();

        var logger = new GatewayTestLogger();
        builder.Logging.ClearProviders().AddProvider(new TestLoggerProvider(logger));
        configure?.Invoke(builder);
        var bot = new DiscordBotHost(builder.Build(), logger);
        await bot.Host.StartAsync().WaitAsync(FakeDiscord.Timeout);
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync().WaitAsync(FakeDiscord.Timeout);
        Host.Dispose();
    }
}
