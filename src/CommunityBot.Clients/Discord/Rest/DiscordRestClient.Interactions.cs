using System.Globalization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient
{
    // The hot path: no route bookkeeping (each interaction has its own), no global limit.
    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, JsonInteractionResponse response,
        CancellationToken cancellationToken = default)
    {
        var route = new DiscordRoute("POST interactions/{id}/{token}/callback", interactionId) { IsInteraction = true, IsTracked = false };
        var path = string.Create(CultureInfo.InvariantCulture, $"interactions/{interactionId}/{CheckToken(interactionToken)}/callback");
        return SendAsync(HttpMethod.Post, path, route, Json(response, DiscordJsonContext.Default.JsonInteractionResponse), cancellationToken);
    }

    public Task<JsonMessage> EditOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, JsonMessageCreate message,
        CancellationToken cancellationToken = default)
    {
        var route = new DiscordRoute("PATCH webhooks/{application}/{token}/messages/@original", applicationId, interactionToken) { IsInteraction = true };
        var path = string.Create(CultureInfo.InvariantCulture, $"webhooks/{applicationId}/{CheckToken(interactionToken)}/messages/@original");
        return SendAsync(HttpMethod.Patch, path, route, Json(message, DiscordJsonContext.Default.JsonMessageCreate),
            DiscordJsonContext.Default.JsonMessage, cancellationToken);
    }

    // Discord always waits for a follow-up and returns the created message.
    public Task<JsonMessage> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, JsonMessageCreate message,
        CancellationToken cancellationToken = default)
    {
        var route = new DiscordRoute("POST webhooks/{application}/{token}", applicationId, interactionToken) { IsInteraction = true };
        var path = string.Create(CultureInfo.InvariantCulture, $"webhooks/{applicationId}/{CheckToken(interactionToken)}");
        return SendAsync(HttpMethod.Post, path, route, Json(message, DiscordJsonContext.Default.JsonMessageCreate),
            DiscordJsonContext.Default.JsonMessage, cancellationToken);
    }
}
