using System.Text.Json;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient
{
    private static readonly DiscordRoute s_gatewayBot = new("GET gateway/bot");

    // The raw body: JsonGatewayBot belongs to the gateway's own JSON context.
    public Task<JsonElement> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "gateway/bot", s_gatewayBot, null, DiscordJsonContext.Default.JsonElement, cancellationToken);
}
