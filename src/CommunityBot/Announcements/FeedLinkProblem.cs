namespace CommunityBot.Announcements;

/// <summary>Why a feed item's link is not posted; the item is announced without one.</summary>
public enum FeedLinkProblem
{
    /// <summary>The item names no link at all.</summary>
    Missing,

    /// <summary>Not an absolute address.</summary>
    NotAbsolute,

    /// <summary>A scheme other than http or https (javascript:, data:, file: …).</summary>
    NotHttp,

    /// <summary>Longer than <see cref="FeedParser.MaxLinkLength"/> characters.</summary>
    TooLong,
}
