namespace CommunityBot.Announcements;

/// <summary>A place that hears of new essays ("console", "discord:{guild}:{channel}", "mastodon:{account}") and the role it pings, if any.</summary>
public sealed record AnnouncementTarget(string Key, ulong? MentionRoleId = null);
