namespace CommunityBot.Discord.Config;

/// <summary>The channel types the bot posts in.</summary>
public static class ChannelTypes
{
    public const int Text = 0;
    public const int Announcement = 5;
}
