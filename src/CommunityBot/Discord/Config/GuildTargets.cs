namespace CommunityBot.Discord.Config;

/// <summary>The delivery target keys of a guild: "discord:{guild}:{channel}", as the Discord delivery channel reads them.</summary>
public static class GuildTargets
{
    public static string Prefix(ulong guildId) => $"discord:{guildId}:";

    public static string Epigraph(ulong guildId, ulong channelId) => $"{Prefix(guildId)}{channelId}";

    /// <summary>The channel part of a target key, for showing it as a channel mention.</summary>
    public static string ChannelOf(string target) => target[(target.LastIndexOf(':') + 1)..];
}
