using System.Diagnostics;
using CommunityBot.Storage;
using Microsoft.Data.Sqlite;

namespace CommunityBot.Tests.Announcements;

/// <summary>The built program's one-shot verb, run as a person runs it: it writes the outbox rows and exits.</summary>
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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var arg in new[] { RepositoryPaths.ProgramDll, "announce", "expansive-solidarity", $"--Storage:ConnectionString={connection}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains("Announcement of 'Expansive Solidarity' queued for 1 target(s)", await output, StringComparison.Ordinal);
        var database = new BotDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = connection }));
        var row = Assert.Single(await new OutboxRepository(database, TimeProvider.System).AllAsync());
        Assert.Equal(("console", "announcement", "pending"), (row.Target, row.Kind, row.Status));
        Assert.Contains("https://www.rights-studio.org/journal/expansive-solidarity", row.Payload, StringComparison.Ordinal);
    }
}
