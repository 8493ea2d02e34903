using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Discord.Config;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CommunityBot.Tests.Discord.Config;

public class ConfigServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddDiscordConfig_WithStorageRestAndAScheduler_ResolvesTheHandlers()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token",
            ["Storage:ConnectionString"] = "Data Source=:memory:",
        }).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddOptions<ScheduleOptions>();
        services.AddOptions<DiscordRestOptions>().BindConfiguration("Discord");
        services.AddDiscordRest();
        services.AddSingleton(Mock.Of<IEpigraphScheduler>());
        services.AddSingleton(Mock.Of<IEpigraphPoster>());

        services.AddDiscordConfig();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<ConfigCommandHandler>());
        Assert.NotNull(provider.GetRequiredService<GuildRemovedHandler>());
        Assert.Same(provider.GetRequiredService<BotChannelAccess>(), provider.GetRequiredService<BotChannelAccess>());
    }
}
