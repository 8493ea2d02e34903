namespace CommunityBot.Announcements;

/// <summary>
/// A place that hears of new essays ("console", "discord:{guild}:{channel}", "mastodon:{account}"), the role it pings, if
/// any, and whether a discussion thread is opened under each announcement.
/// </summary>
public sealed record AnnouncementTarget(string Key, ulong? MentionRoleId = null, bool OpenThread = false);
