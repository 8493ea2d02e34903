namespace CommunityBot.Announcements;

/// <summary>A feed sent more than the bot is willing to hold in memory.</summary>
public sealed class FeedTooLargeException : Exception
{
    public FeedTooLargeException()
    {
    }

    public FeedTooLargeException(string message)
        : base(message)
    {
    }

    public FeedTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
