using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Configuration;
using CommunityBot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Discord;

/// <summary>Discord:ShardIds in each form an operator writes it, as the bot binds it.</summary>
public sealed class ShardIdsBindingTests
{
    public static TheoryData<string, int[]> Forms => new()
    {
        { "Discord:ShardIds=1", [1] },
        { "Discord:ShardIds=0,1", [0, 1] },
        { "Discord:ShardIds= 1 , 0 ", [1, 0] },
        { "Discord:ShardIds:0=1", [1] },
        { "Discord:ShardIds:0=1;Discord:ShardIds:1=0", [1, 0] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void ShardIds_InAnyForm_AreTheShardsThisInstanceRuns(string settings, int[] expected)
    {
        using var services = Services(settings.Split(';').Select(s => s.Split('=')).ToDictionary(kv => kv[0], kv => (string?)kv[1]));

        Assert.Equal(expected, services.GetRequiredService<IOptions<DiscordGatewayOptions>>().Value.ShardIds);
    }

    [Fact]
    public void ShardIds_OutsideShardCount_AreRefusedNamingTheKey()
    {
        using var services = Services(new() { ["Discord:ShardIds"] = "1,2" });

        var problem = Assert.Single(ConfigurationCheck.Problems(services), p => p.Contains("ShardIds", StringComparison.Ordinal));

        Assert.StartsWith("Discord:ShardIds: '1,2' has a shard outside 0..1", problem, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:ShardCount"] = "2" })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDiscord();
        return services.BuildServiceProvider();
    }
}
