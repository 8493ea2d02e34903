using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Cluster;
using CommunityBot.Discord;
using CommunityBot.Tests.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Discord;

/// <summary>An instance of a cluster against the fake Discord, keeping to its share of the token's limits.</summary>
public sealed class DiscordLimitShareTests : IAsyncLifetime
{
    private const int ShareEvent = 4513;
    private const string Channel = """{"id": "41771983423143937", "type": 0}""";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    // Long enough for a request that should be held back to have reached the server if it were not.
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(150);

    private readonly TimerWatchingTimeProvider _time = new();
    private readonly FakeLogCollector _logs = FakeLogs.Collector();
    private FakeDiscordRest _server = null!;

    public async Task InitializeAsync() => _server = await FakeDiscordRest.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GlobalBudget_OneOfTwoInstances_SendsHalfTheTokensRequestsASecond()
    {
        _server.Default = _ => FakeDiscordRestResponse.Json(Channel);
        using var services = Services(new() { ["Cluster:Size"] = "2" });
        var client = services.GetRequiredService<DiscordRestClient>();

        var requests = Enumerable.Range(1, 30).Select(id => client.GetChannelAsync((ulong)id)).ToArray();
        await _server.WaitForRequestsAsync(25).WaitAsync(s_timeout);
        await Task.Delay(s_settle);

        Assert.Equal(25, _server.Requests.Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(requests).WaitAsync(s_timeout);
        Assert.Equal(30, _server.Requests.Count);
        var share = Assert.Single(_logs.WithEventId(ShareEvent));
        Assert.Equal(("2", "25", "bot-1"), (share.GetStructuredStateValue("Instances"), share.GetStructuredStateValue("RequestsPerSecond"), share.GetStructuredStateValue("Instance")));
    }

    [Fact]
    public async Task InvalidRequests_OneOfTwoInstances_AreRefusedAtHalfTheThreshold()
    {
        _server.Default = _ => FakeDiscordRestResponse.Fixture("error-missing-access.json", status: 403);
        using var services = Services(new()
        {
            ["Cluster:Size"] = "2",
            ["Discord:InvalidRequestSlowdownThreshold"] = "4",
            ["Discord:InvalidRequestRefuseThreshold"] = "6",
            ["Discord:InvalidRequestSlowdownDelay"] = "00:00:00",
        });
        var client = services.GetRequiredService<DiscordRestClient>();

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordRestException>(() => client.GetChannelAsync(1).WaitAsync(s_timeout));
        }

        await Assert.ThrowsAsync<DiscordRequestRefusedException>(() => client.GetChannelAsync(1).WaitAsync(s_timeout));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public void Limits_OneInstance_AreTheTokensAsConfigured()
    {
        using var services = Services([]);

        var rest = services.GetRequiredService<IOptions<DiscordRestOptions>>().Value;

        Assert.Equal((50, 5_000, 9_000), (rest.GlobalRequestsPerSecond, rest.InvalidRequestSlowdownThreshold, rest.InvalidRequestRefuseThreshold));
        Assert.Empty(_logs.WithEventId(ShareEvent));
    }

    [Fact]
    public void Limits_ThreeInstances_EachKeepsAShareThatAddsUpToNoMoreThanTheTokens()
    {
        using var services = Services(new() { ["Cluster:Size"] = "3" });

        var rest = services.GetRequiredService<IOptions<DiscordRestOptions>>().Value;

        Assert.Equal((16, 1_666, 3_000), (rest.GlobalRequestsPerSecond, rest.InvalidRequestSlowdownThreshold, rest.InvalidRequestRefuseThreshold));
    }

    [Fact]
    public void Limits_MoreInstancesThanRequestsASecond_AreRefusedNamingClusterSize()
    {
        using var services = Services(new() { ["Cluster:Size"] = "20", ["Discord:GlobalRequestsPerSecond"] = "10" });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordRestOptions>>().Value);

        Assert.StartsWith("Cluster:Size: '20' leaves each instance less than one", Assert.Single(refused.Failures), StringComparison.Ordinal);
        Assert.Contains("expected at most 10 instances", refused.Failures.Single(), StringComparison.Ordinal);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = "test-token",
                ["Discord:ApiBaseUrl"] = _server?.BaseUrl.ToString() ?? "https://discord.com/api/v10",
                ["Discord:RequestTimeout"] = "00:00:30",
                ["Cluster:InstanceId"] = "bot-1",
            })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(_logs)));
        services.AddCluster();
        services.AddDiscord();
        return services.BuildServiceProvider();
    }
}
