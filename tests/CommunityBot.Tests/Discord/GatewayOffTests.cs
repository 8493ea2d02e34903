using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CommunityBot.Tests.Discord;

public sealed class GatewayOffTests
{
    [Fact]
    public async Task GatewayFalse_RegistersTheCommands_ButOpensNoSession()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        var logs = FakeLogs.Collector();
        await using var bot = await DiscordBotHost.StartAsync(discord, new Dictionary<string, string?> { ["Discord:Gateway"] = "false" },
            builder => builder.Logging.AddProvider(new FakeLoggerProvider(logs)));

        await logs.WhenLogged(8040);
        await discord.NextAsync(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal));

        Assert.Equal(0, discord.Gateway.ConnectionCount);
        Assert.DoesNotContain(discord.Rest.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
    }
}
