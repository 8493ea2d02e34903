using System.Diagnostics;
using CommunityBot.Storage;
using Microsoft.Data.Sqlite;

namespace CommunityBot.Tests.Announcements;

/// <summary>The built program's one-shot verb, run as a person runs it: it writes the outbox rows and exits.</summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class AnnounceProcessTests : IDisposable
{
    private readonly TempEssayFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnnounceVerb_MigratesTheDatabase_WritesTheConsoleRow_AndExits()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "bot.db")}";
        var (exitCode, output) = await BotProcess.RunToEndAsync(TimeSpan.FromSeconds(30), "announce", "expansive-solidarity", $"--Storage:ConnectionString={connection}", $"--Content:Path={RepositoryPaths.SeedEssays}");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Announcement of 'Expansive Solidarity' queued for 1 target;", output, StringComparison.Ordinal);
        var database = new BotDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = connection }));
        var row = Assert.Single(await new OutboxRepository(database, TimeProvider.System).AllAsync());
        Assert.Equal(("console", "announcement", "pending"), (row.Target, row.Kind, row.Status));
        Assert.Contains("https://www.rights-studio.org/journal/expansive-solidarity", row.Payload, StringComparison.Ordinal);
    }
}
