using System.Diagnostics;
using CommunityBot.Storage;
using Microsoft.Data.Sqlite;

namespace CommunityBot.Tests.Storage;

/// <summary>The built program, started twice on one SQLite database the way a person does by running it in two terminals.</summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class DatabaseLockProcessTests : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private readonly TempEssayFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string DatabaseFile => Path.Combine(_folder.Path, "bot.db");

    private string[] Arguments(params string[] more) =>
        [$"--Storage:ConnectionString=Data Source={DatabaseFile}", $"--Content:Path={RepositoryPaths.SeedEssays}", .. more];

    [Fact]
    public async Task SecondLongRunningBot_OnTheSameDatabase_IsRefusedWithOneLine_AndTheFirstKeepsRunningOnItsSchedule()
    {
        await using var first = await RunningBot.StartAsync(Arguments("--Schedule:Epigraph:Cron=* * * * *"));
        var schedule = await CronTriggersAsync();

        var second = await RunAsync(Arguments());

        Assert.Equal(2, second.ExitCode);
        Assert.Equal("", second.Output);
        Assert.Equal(
            $"Another bot is using the database {DatabaseFile} (lock file {DatabaseFile}.lock held by another process); " +
            "stop it first or point Storage:ConnectionString elsewhere." + Environment.NewLine,
            second.Error);
        Assert.Contains("(schedule '* * * * *')", first.Output.Text, StringComparison.Ordinal);
        Assert.Equal(schedule, await CronTriggersAsync());
        await first.AskAsync("quote camus", "— Albert Camus");
        Assert.Equal(0, await first.StopAsync());
    }

    [Fact]
    public async Task OneShotVerbs_BesideARunningBot_Succeed()
    {
        await using var first = await RunningBot.StartAsync(Arguments());

        foreach (var verb in new string[][] { ["quote", "camus"], ["essay", "expansive-solidarity"], ["validate"], ["announce", "expansive-solidarity"] })
        {
            var run = await RunAsync(Arguments(verb));
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', verb)}: {run.Output}{run.Error}");
        }

        await first.AskAsync("quote camus", "— Albert Camus");
        Assert.Equal(0, await first.StopAsync());
    }

    [Fact]
    public async Task NextBot_AfterTheFirstStopped_Starts()
    {
        await using (var first = await RunningBot.StartAsync(Arguments()))
        {
            Assert.Equal(0, await first.StopAsync());
        }

        await using var next = await RunningBot.StartAsync(Arguments());

        Assert.Contains("Next epigraph:", next.Output.Text, StringComparison.Ordinal);
        Assert.Equal(0, await next.StopAsync());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var process = BotProcess.Start(args);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(_timeout);
        return (process.ExitCode, await output, await error);
    }

    private async Task<List<string>> CronTriggersAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TRIGGER_NAME || ' ' || CRON_EXPRESSION || ' ' || TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS ORDER BY TRIGGER_NAME";
        var triggers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            triggers.Add(reader.GetString(0));
        }
        Assert.NotEmpty(triggers);
        return triggers;
    }
}
