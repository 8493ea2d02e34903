namespace CommunityBot.Announcements;

/// <summary>Why one poll of a feed failed.</summary>
public enum FeedFailure
{
    /// <summary>Headers and body did not arrive in full within the feed's Timeout.</summary>
    TimedOut,

    /// <summary>The server answered with an error status.</summary>
    HttpStatus,

    /// <summary>No connection, or it broke.</summary>
    Unreachable,

    /// <summary>Not a well-formed RSS 2.0 or Atom document.</summary>
    NotAFeed,

    /// <summary>Longer than <see cref="FeedPoller.MaxFeedBytes"/>.</summary>
    TooLarge,

    /// <summary>What the feed holds could not be recorded.</summary>
    Storage,

    /// <summary>Anything else.</summary>
    Other,
}
