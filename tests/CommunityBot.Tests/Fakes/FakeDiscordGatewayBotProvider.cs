using System.Text.Json;
using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Tests.Fakes;

/// <summary>Answers <c>GET /gateway/bot</c> from the fixture, pointed at the loopback gateway.</summary>
public sealed class FakeDiscordGatewayBotProvider : IGatewayBotProvider
{
    private readonly Uri _url;
    private int _calls;

    public FakeDiscordGatewayBotProvider(Uri url) => _url = url;

    public int Calls => Volatile.Read(ref _calls);

    public int Shards { get; set; } = 1;

    public int Remaining { get; set; } = 999;

    public long ResetAfter { get; set; } = 14_400_000;

    public int MaxConcurrency { get; set; } = 1;

    public Task<JsonGatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-gateway", "gateway-bot.json"));
        var bot = JsonSerializer.Deserialize(fixture, GatewayJsonContext.Default.JsonGatewayBot)!;
        return Task.FromResult(bot with
        {
            Url = _url.ToString(),
            Shards = Shards,
            SessionStartLimit = bot.SessionStartLimit with { Remaining = Remaining, ResetAfter = ResetAfter, MaxConcurrency = MaxConcurrency },
        });
    }
}
