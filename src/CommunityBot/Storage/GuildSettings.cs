namespace CommunityBot.Storage;

/// <summary>What a guild's moderators chose with /config; a null schedule means the default from Schedule:Epigraph.</summary>
/// <param name="EpigraphCards">Scheduled epigraphs carry a quote card (when Cards:Enabled is on).</param>
public sealed record GuildSettings(
    ulong GuildId,
    ulong? EpigraphChannelId = null,
    string? EpigraphCron = null,
    string? EpigraphTimeZone = null,
    ulong? AnnounceChannelId = null,
    ulong? AnnounceRoleId = null,
    bool Paused = false,
    bool EpigraphCards = false);
