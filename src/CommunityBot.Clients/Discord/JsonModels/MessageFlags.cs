namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>Bits of a message's <c>flags</c>.</summary>
public static class MessageFlags
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;
    public const int SuppressNotifications = 1 << 12;
}
