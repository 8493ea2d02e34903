using CommunityBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests;

/// <summary>A real SQLite database in a temporary file, migrated to the current schema.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("communitybot-db-").FullName;

    private TestDatabase()
    {
        Options = new StorageOptions { ConnectionString = $"Data Source={System.IO.Path.Combine(_folder, "bot.db")}" };
        Database = new BotDatabase(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public StorageOptions Options { get; }

    public BotDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await new DatabaseMigrator(database.Database, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
