using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient : IGatewayBotProvider
{
    private static readonly DiscordRoute s_gatewayBot = new("GET gateway/bot");

    public Task<JsonGatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "gateway/bot", s_gatewayBot, null, GatewayJsonContext.Default.JsonGatewayBot, cancellationToken);
}
