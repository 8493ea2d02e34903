namespace CommunityBot.Announcements;

/// <summary>The configured feeds; the essays folder is always a source and needs no configuration.</summary>
public sealed class AnnouncementOptions
{
    public const string FeedsSection = "Feeds";

    public List<FeedOptions> Feeds { get; } = [];
}
