using CommunityBot.Storage;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Storage;

public sealed class DatabaseLockTests : IDisposable
{
    private readonly TempEssayFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string DatabaseFile => Path.Combine(_folder.Path, "bot.db");

    private static BotDatabase Database(string connectionString, string provider = StorageProvider.Sqlite) =>
        new(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));

    [Fact]
    public void Acquire_WhileHeld_RefusesWithOneLineNamingTheDatabaseAndTheKey()
    {
        using var first = DatabaseLock.Acquire(Database($"Data Source={DatabaseFile}"));

        var refusal = Assert.Throws<DatabaseInUseException>(() => DatabaseLock.Acquire(Database($"Data Source={DatabaseFile}")));

        Assert.NotNull(first);
        Assert.Equal(
            $"Another bot is using the database {DatabaseFile} (lock file {DatabaseFile}.lock held by another process); " +
            "stop it first or point Storage:ConnectionString elsewhere.",
            refusal.Message);
    }

    [Fact]
    public void Acquire_AfterTheHolderReleased_Succeeds()
    {
        DatabaseLock.Acquire(Database($"Data Source={DatabaseFile}"))!.Dispose();

        using var second = DatabaseLock.Acquire(Database($"Data Source={DatabaseFile}"));

        Assert.Equal(DatabaseFile + DatabaseLock.Suffix, second?.LockFile);
    }

    [Fact]
    public void Acquire_OtherDatabaseInTheSameFolder_IsNotRefused()
    {
        using var first = DatabaseLock.Acquire(Database($"Data Source={DatabaseFile}"));
        using var other = DatabaseLock.Acquire(Database($"Data Source={Path.Combine(_folder.Path, "other.db")}"));

        Assert.NotEqual(first?.LockFile, other?.LockFile);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=")]
    public void Acquire_InMemorySqlite_TakesNoLock(string connectionString)
    {
        using var held = DatabaseLock.Acquire(Database(connectionString));

        Assert.Null(held);
    }

    [Fact]
    public void Acquire_Postgres_TakesNoLock_SinceInstancesShareIt()
    {
        using var held = DatabaseLock.Acquire(Database("Host=localhost;Database=communitybot", StorageProvider.Postgres));

        Assert.Null(held);
    }
}
