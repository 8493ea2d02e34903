namespace CommunityBot.Clients.Discord.Rest;

// JSON error codes the bot reacts to (developers/topics/opcodes-and-status-codes).
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMessage = 10008;
    public const int UnknownMember = 10007;
    public const int UnknownRole = 10011;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendMessagesToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
    public const int ThreadAlreadyCreatedForMessage = 160004;
}
