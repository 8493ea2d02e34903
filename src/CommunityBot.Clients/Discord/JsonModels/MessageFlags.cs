namespace CommunityBot.Clients.Discord.JsonModels;

public static class MessageFlags
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;
    public const int SuppressNotifications = 1 << 12;
}
