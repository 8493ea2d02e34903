using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;

namespace CommunityBot.Discord;

/// <summary>The callback of an interaction that came over the gateway: <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed class RestInteractionCallback(DiscordRestClient rest, JsonInteraction interaction) : IInteractionCallback
{
    public Task SendAsync(JsonInteractionResponse response, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
}
