using Microsoft.Data.Sqlite;

namespace CommunityBot.Storage;

/// <summary>
/// One long-running bot per SQLite database: a second one would replace the first's Quartz triggers with its own
/// schedule and deliver from the same outbox. The lock is the OS's, on a file beside the database, held for the life of
/// the process; the OS lets go of it however the process ends, kill -9 included, so a crash leaves no stale lock.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    public const string Suffix = ".lock";

    private readonly FileStream _file;
    private readonly BotDatabase _database;

    private DatabaseLock(FileStream file, BotDatabase database)
    {
        _file = file;
        _database = database;
        database.HeldExclusively = true;
    }

    public string LockFile => _file.Name;

    /// <summary>
    /// Takes the lock, or returns null where there is nothing to guard: an in-memory database belongs to its connection,
    /// and PostgreSQL instances are meant to share one (clustered Quartz, leased outbox rows).
    /// </summary>
    /// <exception cref="DatabaseInUseException">Another process holds the lock.</exception>
    public static DatabaseLock? Acquire(BotDatabase database)
    {
        if (database.IsPostgres)
        {
            return null;
        }
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource.StartsWith(':'))
        {
            return null;
        }
        // Beside the database, which BotDatabase has already given its folder.
        var lockFile = builder.DataSource + Suffix;
        // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: both fail at once when held.
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            return new DatabaseLock(new FileStream(lockFile, options), database);
        }
        catch (IOException exception) when (HeldElsewhere(exception))
        {
            throw new DatabaseInUseException(
                $"Another bot is using the database {builder.DataSource} (lock file {lockFile} held by another process); " +
                $"stop it first or point {StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} elsewhere.",
                exception);
        }
    }

    public void Dispose()
    {
        _database.HeldExclusively = false;
        _file.Dispose();
    }

    // How .NET reports a lock that is held: the errno EWOULDBLOCK on Unix (11 on Linux, 35 on macOS), a sharing or lock
    // violation on Windows. Anything else (a full disk, a missing folder) is a different problem and is not hidden as this one.
    private static bool HeldElsewhere(IOException exception) =>
        exception.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
