using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Discord;

/// <summary>
/// Where an interaction's first answer goes: POSTed to Discord's callback endpoint for one that came over the
/// gateway, or written as the HTTP response for one Discord POSTed to <c>/interactions</c>.
/// </summary>
public interface IInteractionCallback
{
    /// <summary>Completes once Discord has the answer, so that an edit of <c>@original</c> may follow it.</summary>
    Task SendAsync(JsonInteractionResponse response, CancellationToken cancellationToken);
}
