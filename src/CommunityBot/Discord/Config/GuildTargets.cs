using CommunityBot.Delivery;

namespace CommunityBot.Discord.Config;

/// <summary>The delivery target keys of a guild, as stored.</summary>
public static class GuildTargets
{
    public static string Prefix(ulong guildId) => TargetKey.DiscordGuildPrefix(guildId);

    public static string Epigraph(ulong guildId, ulong channelId) => TargetKey.Discord(guildId, channelId).ToString();

    /// <summary>The channel of a stored target key, for showing it as a channel mention; null when it is not a Discord target.</summary>
    public static ulong? ChannelOf(string target) =>
        TargetKey.TryParse(target, out var key) && key.Kind == TargetKind.Discord ? key.ChannelId : null;
}
