namespace CommunityBot.Announcements;

/// <summary>A feed answered with something that is not a readable RSS 2.0 or Atom document.</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message)
        : base(message)
    {
    }

    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
