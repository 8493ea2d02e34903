namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The answer to an interaction: how (<see cref="InteractionCallbackType"/>) and with what.</summary>
public sealed record JsonInteractionResponse
{
    public required InteractionCallbackType Type { get; init; }
    public JsonInteractionCallbackData? Data { get; init; }
}
