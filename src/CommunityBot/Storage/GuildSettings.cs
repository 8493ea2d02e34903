namespace CommunityBot.Storage;

/// <summary>
/// What a guild's moderators chose with /config; a null schedule means the default from Schedule:Epigraph.
/// <paramref name="AnnounceThread"/>: each announcement opens a discussion thread.
/// <paramref name="EpigraphCards"/>: scheduled epigraphs carry a quote card (when Cards:Enabled is on).
/// </summary>
public sealed record GuildSettings(
    ulong GuildId,
    ulong? EpigraphChannelId = null,
    string? EpigraphCron = null,
    string? EpigraphTimeZone = null,
    ulong? AnnounceChannelId = null,
    ulong? AnnounceRoleId = null,
    bool Paused = false,
    bool AnnounceThread = false,
    bool EpigraphCards = false);
