using CommunityBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommunityBot.Tests;

/// <summary>
/// A real database of its own, migrated to the current schema: SQLite in a temporary file, or a PostgreSQL database
/// created on <see cref="PostgresServer"/> and dropped again.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(StorageOptions options, string? folder, string? postgresName)
    {
        Options = options;
        _folder = folder;
        _postgresName = postgresName;
        Database = new BotDatabase(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public StorageOptions Options { get; }

    public BotDatabase Database { get; }

    /// <summary>The configuration keys that point a bot at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = Options.Provider,
        ["Storage:ConnectionString"] = Options.ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(string provider = StorageProvider.Sqlite)
    {
        var database = await CreateEmptyAsync(provider);
        await new DatabaseMigrator(database.Database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>A database with no schema at all, for what happens on first start.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string provider = StorageProvider.Sqlite)
    {
        if (provider != StorageProvider.Postgres)
        {
            var folder = Directory.CreateTempSubdirectory("communitybot-db-").FullName;
            return new TestDatabase(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(folder, "bot.db")}" }, folder, null);
        }
        var name = $"communitybot_test_{Guid.NewGuid():N}";
        await AdministerAsync($"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.Required) { Database = name };
        return new TestDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection.ConnectionString }, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdministerAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    // Names cannot be parameters in DDL; these are made here from a Guid.
    private static async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.Required) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
