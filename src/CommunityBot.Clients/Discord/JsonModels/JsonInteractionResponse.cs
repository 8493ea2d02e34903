namespace CommunityBot.Clients.Discord.JsonModels;

public sealed record JsonInteractionResponse
{
    public const int PongType = 1;
    public const int ChannelMessageWithSourceType = 4;
    public const int DeferredChannelMessageWithSourceType = 5;
    public const int DeferredUpdateMessageType = 6;
    public const int UpdateMessageType = 7;
    public const int AutocompleteResultType = 8;
    public const int ModalType = 9;

    public required int Type { get; init; }
    public JsonInteractionCallbackData? Data { get; init; }
}
