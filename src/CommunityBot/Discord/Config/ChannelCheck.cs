using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Discord.Config;

/// <param name="Permissions">The bot's permissions in the channel, when it could be read.</param>
/// <param name="Problem">Why the bot cannot post there, in words for the moderator; null when it can.</param>
public sealed record ChannelCheck(JsonChannel? Channel, ulong Permissions, string? Problem)
{
    public bool CanPost => Problem is null;
}
