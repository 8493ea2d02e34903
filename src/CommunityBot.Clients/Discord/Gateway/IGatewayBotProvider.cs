using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>Answers <c>GET /gateway/bot</c>; the REST client implements it.</summary>
public interface IGatewayBotProvider
{
    Task<JsonGatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken);
}
