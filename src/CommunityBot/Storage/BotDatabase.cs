using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommunityBot.Storage;

/// <summary>
/// The one place that knows which database the bot uses. Everything else opens connections here and writes
/// SQL that both SQLite and PostgreSQL accept (ON CONFLICT upserts, @parameters, ISO-8601 text timestamps).
/// </summary>
public sealed class BotDatabase
{
    private readonly StorageOptions _options;

    public BotDatabase(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        Factory = _options.IsPostgres ? PostgresFactory() : SqliteFactory.Instance;
        if (_options.IsPostgres)
        {
            ConnectionString = _options.ConnectionString;
        }
        else
        {
            ConnectionString = SqliteConnectionString(_options.ConnectionString);
            CreateSqliteFile(ConnectionString);
        }
    }

    public DbProviderFactory Factory { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => _options.IsPostgres;

    /// <summary>This process holds the database's <see cref="DatabaseLock"/>: no other bot runs on it.</summary>
    public bool HeldExclusively { get; internal set; }

    /// <summary>How an auto-numbered key column is declared in this database.</summary>
    public string IdentityColumn => IsPostgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // A method of its own: the JIT loads the assemblies of every type a method names, and with SQLite Npgsql is not needed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SuppressMessage("Performance", "CA1859", Justification = "Npgsql's type in the signature would bring the assembly back to the caller")]
    private static DbProviderFactory PostgresFactory() => NpgsqlFactory.Instance;

    /// <summary>The operator's SQLite connection string with the settings the bot relies on.</summary>
    public static string SqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        // Writers wait for each other instead of failing at once; a locked file still fails after this.
        // An operator's own "Default Timeout" is kept: how long to wait for a lock is theirs to decide.
        if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "DEFAULTTIMEOUT" or "COMMANDTIMEOUT"))
        {
            builder.DefaultTimeout = 10;
        }
        return builder.ToString();
    }

    private static void CreateSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate && !string.IsNullOrEmpty(builder.DataSource) && !builder.DataSource.StartsWith(':'))
        {
            CreatePrivately(Path.GetFullPath(builder.DataSource));
        }
    }

    // The database holds guild settings and queued posts: only the bot's user reads it. What the bot creates it
    // creates private (folder 0700, file 0600; SQLite gives its -wal and -shm files the file's mode); a folder or
    // file an operator made keeps the mode they gave it.
    private static void CreatePrivately(string file)
    {
        var missing = new Stack<string>();
        for (var folder = Path.GetDirectoryName(file); !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }
        // One at a time from the outermost: CreateDirectory gives the mode to the last folder only.
        foreach (var folder in missing)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        if (OperatingSystem.IsWindows() || File.Exists(file))
        {
            return;
        }
        try
        {
            // An empty file is an empty SQLite database.
            using var created = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance created it first.
        }
    }
}
