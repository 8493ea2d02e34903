namespace CommunityBot.Clients.Discord.JsonModels;

public sealed record JsonInteractionResponse
{
    public required InteractionCallbackType Type { get; init; }
    public JsonInteractionCallbackData? Data { get; init; }
}
