using Microsoft.Data.Sqlite;

namespace CommunityBot.Tests.Scheduling;

/// <summary>
/// The built program started again on the database it left: its triggers are already in the store, so it builds no
/// job at start, and the first firing must still find the job's type. Against the native executable (.ci/aot-smoke)
/// this is where a type known only by name would fail.
/// </summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class RestartedScheduleProcessTests : IDisposable
{
    private const string EpigraphPost = "[epigraph]";
    private readonly TempEssayFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task ARestartedBot_KeepsPostingOnTheScheduleItFoundInTheStore()
    {
        // Every two seconds (Quartz's form, with seconds), so each run posts while the test waits.
        string[] arguments =
        [
            $"--Storage:ConnectionString=Data Source={Path.Combine(_folder.Path, "bot.db")}",
            $"--Content:Path={RepositoryPaths.SeedEssays}",
            "--Schedule:Epigraph:Cron=*/2 * * * * ?",
        ];
        await using (var first = await RunningBot.StartAsync(arguments))
        {
            await first.Output.WaitForAsync(EpigraphPost);
            Assert.Equal(0, await first.StopAsync());
        }

        await using var again = await RunningBot.StartAsync(arguments);
        await again.Output.WaitForAsync(EpigraphPost);
        await again.AskAsync("quote camus", "— Albert Camus");

        Assert.Equal(0, await again.StopAsync());
        Assert.DoesNotContain("setting trigger state to ERROR", again.Output.Text, StringComparison.Ordinal);
    }
}
