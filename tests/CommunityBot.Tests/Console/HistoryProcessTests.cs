using CommunityBot.Storage;

namespace CommunityBot.Tests.Console;

/// <summary>The built program's <c>history</c> verb, run by an operator beside a running bot on the same database.</summary>
public sealed class HistoryProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private TestDatabase _db = null!;

    private string[] Settings => [$"--Storage:ConnectionString={_db.Options.ConnectionString}", $"--Content:Path={RepositoryPaths.SeedEssays}"];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var outbox = new OutboxRepository(_db.Database, TimeProvider.System);
        await outbox.EnqueueAsync("console", "epigraph", "{}", "epigraph:1");
        await outbox.EnqueueAsync("mastodon:main", "reply", "{}", "reply:main:18");
        await outbox.EnqueueAsync("mastodon:main", "epigraph", "{}", "epigraph:2");
        var rows = await outbox.AllAsync();
        await outbox.MarkDeliveredAsync(rows[0].Id, null);
        await outbox.MarkFailedAsync(rows[1].Id, "422 Validation failed: Text character limit of 500 exceeded");
        await new TargetHealthRepository(_db.Database, TimeProvider.System).RecordFailureAsync("mastodon:main", "401 The access token is invalid", pauseAfter: 1);
    }

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task History_BesideARunningBot_ListsTargetsAndDeliveries_AndFailedOnlyWithTheirErrors()
    {
        await using var bot = await RunningBot.StartAsync(Settings);

        var (exitCode, output) = await BotProcess.RunToEndAsync(Timeout, ["history", .. Settings]);
        var (failedExit, failed) = await BotProcess.RunToEndAsync(Timeout, ["history", "--failed", "--target", "mastodon:main", .. Settings]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("  console  epigraphs  active, next epigraph ", output, StringComparison.Ordinal);
        Assert.Matches(@"  \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ  epigraph  console  delivered", output);
        Assert.Contains("  reply  mastodon:main  failed: 422 Validation failed", output, StringComparison.Ordinal);
        Assert.Contains("  epigraph  mastodon:main  pending", output, StringComparison.Ordinal);
        Assert.True(failedExit == 0, failed);
        Assert.Contains("Target mastodon:main", failed, StringComparison.Ordinal);
        Assert.Contains("  reply  mastodon:main  failed: 422 Validation failed", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("delivered", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("pending", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("console", failed, StringComparison.Ordinal);
        Assert.Equal(0, await bot.StopAsync());
    }

    [Theory]
    [InlineData("--target", "slack:general", "--target 'slack:general' is not a target")]
    [InlineData("--target", null, "--target needs a target")]
    [InlineData("--since", "1d", "Unknown option '--since'")]
    public async Task History_WithABadArgument_SaysWhatIsWrong_AndExitsWithUsage(string option, string? value, string expected)
    {
        string[] args = value is null ? ["history", option, .. Settings] : ["history", option, value, .. Settings];

        var (exitCode, output) = await BotProcess.RunToEndAsync(Timeout, args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("Usage: history", output, StringComparison.Ordinal);
    }
}
