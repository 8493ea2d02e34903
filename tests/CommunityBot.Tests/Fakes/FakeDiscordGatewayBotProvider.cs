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

    /// <summary>How many calls fail as if Discord could not be reached, before the fixture is answered.</summary>
    public int FailuresBeforeAnswer { get; set; }

    public Task<JsonGatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= FailuresBeforeAnswer)
        {
            return Task.FromException<JsonGatewayBot>(new HttpRequestException("Name or service not known (discord.com:443)"));
        }
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
