using System.Data.Common;
using System.Diagnostics;
using CommunityBot.Cluster;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Storage;

/// <summary>
/// Decides which instance does the work that must run once per cluster. On PostgreSQL an instance does a piece of
/// work while it holds the work's session-level advisory lock (<c>pg_try_advisory_lock</c>) on a connection of its
/// own, not pooled, that lives as long as the instance. The others ask again each time they would do the work, at
/// least every <see cref="RetryInterval"/>; when the holder dies its connection drops, PostgreSQL releases its locks,
/// and the next one to ask takes over. On SQLite one bot owns the database (the lock file), so the work is always
/// its own and no PostgreSQL code runs.
/// </summary>
public sealed partial class ClusterLock(BotDatabase database, ILogger<ClusterLock> logger, string? instance = null) : IDisposable
{
    /// <summary>How often an instance that does not hold a piece of work asks for it again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<ClusterWork> _held = [];
    private DbConnection? _connection;
    private bool _disposed;

    /// <summary>The name this instance goes by in the log lines about who does the work.</summary>
    public string Instance { get; } = instance ?? ClusterOptions.DefaultInstanceId;

    /// <summary>Whether this instance is the one to do <paramref name="work"/> now: takes the lock if it is free.</summary>
    public async Task<bool> HoldsAsync(ClusterWork work, CancellationToken cancellationToken)
    {
        if (!database.IsPostgres)
        {
            return true;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                var connection = await ConnectionAsync(cancellationToken);
                if (_held.Contains(work))
                {
                    // A live session still holds its locks; a broken one throws here and has lost them all.
                    await using var alive = connection.Command("SELECT 1");
                    await alive.ExecuteScalarAsync(cancellationToken);
                    return true;
                }
                await using var take = connection.Command("SELECT pg_try_advisory_lock(@key)", ("@key", work.Key));
                if (await take.ExecuteScalarAsync(cancellationToken) is true)
                {
                    _held.Add(work);
                    LogTookOver(work.Name, Instance);
                    return true;
                }
                return false;
            }
            catch (DbException exception)
            {
                await DropConnectionAsync(exception);
                return false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var work in _held)
            {
                LogReleased(work.Name, Instance);
            }
            _held.Clear();
            // Closing the session releases every lock it holds.
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return _connection;
        }
        // Not from the pool: a pooled session outlives Dispose, and its locks with it.
        var settings = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        settings["Pooling"] = "false";
        var connection = database.Factory.CreateConnection();
        Debug.Assert(connection is not null, "Npgsql's factory makes connections");
        connection.ConnectionString = settings.ConnectionString;
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
        return connection;
    }

    private async Task DropConnectionAsync(DbException exception)
    {
        foreach (var work in _held)
        {
            LogLost(exception, work.Name, Instance);
        }
        _held.Clear();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    [LoggerMessage(EventId = 4500, EventName = "ClusterWorkTaken", Level = LogLevel.Information, Message = "This instance ({Instance}) now does the {Work} for the cluster")]
    private partial void LogTookOver(string work, string instance);

    [LoggerMessage(EventId = 4501, EventName = "ClusterWorkLost", Level = LogLevel.Warning, Message = "This instance ({Instance}) no longer does the {Work}: its connection to the database failed; another instance takes over, or this one again once the database answers")]
    private partial void LogLost(Exception exception, string work, string instance);

    [LoggerMessage(EventId = 4502, EventName = "ClusterWorkReleased", Level = LogLevel.Information, Message = "This instance ({Instance}) stops doing the {Work}; another instance takes over")]
    private partial void LogReleased(string work, string instance);
}
