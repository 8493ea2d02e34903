namespace CommunityBot.Storage;

/// <summary>Another process holds the lock of the bot's SQLite database; the message is the one line the operator sees.</summary>
public sealed class DatabaseInUseException : Exception
{
    public DatabaseInUseException()
    {
    }

    public DatabaseInUseException(string message)
        : base(message)
    {
    }

    public DatabaseInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
