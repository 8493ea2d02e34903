namespace CommunityBot.Announcements;

/// <summary>One RSS 2.0 or Atom feed whose new items are announced (configuration Feeds:N).</summary>
public sealed class FeedOptions
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMinutes(1);

    public string Url { get; set; } = "";

    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
}
