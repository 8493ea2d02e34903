namespace CommunityBot.Announcements;

/// <summary>One RSS 2.0 or Atom feed whose new items are announced (configuration Feeds:N).</summary>
public sealed class FeedOptions
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromMinutes(10);

    public string Url { get; set; } = "";

    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>How long one poll may take in all, headers and body: a feed that trickles its answer is cut off.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
