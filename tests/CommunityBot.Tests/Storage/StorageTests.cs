using CommunityBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Storage;

public class StorageTests : IAsyncLifetime
{
    private readonly string _provider;

    public StorageTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected StorageTests(string provider) => _provider = provider;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [DatabaseFact]
    public async Task Migrator_RunTwice_KeepsTheSchemaAndData()
    {
        var guilds = new GuildSettingsRepository(_db.Database, _time);
        await guilds.SaveAsync(new GuildSettings(1));

        var migrator = new DatabaseMigrator(_db.Database, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);

        Assert.NotNull(await guilds.GetAsync(1));
        await using var connection = await _db.Database.OpenAsync();
        await using var command = connection.Command("SELECT COUNT(*) FROM schema_version");
        Assert.Equal((long)migrator.LatestVersion, await command.ExecuteScalarAsync());
    }

    [DatabaseFact]
    public async Task GuildSettings_RoundTripIncludingSnowflakesAboveLongMax()
    {
        var guilds = new GuildSettingsRepository(_db.Database, _time);
        var settings = new GuildSettings(ulong.MaxValue - 1, 1234567890123456789, "0 9 * * *", "Europe/Berlin", 42, 43, Paused: true);

        await guilds.SaveAsync(settings);
        await guilds.SaveAsync(settings with { EpigraphCron = "0 8 * * *" });

        Assert.Equal(settings with { EpigraphCron = "0 8 * * *" }, await guilds.GetAsync(ulong.MaxValue - 1));
        Assert.Single(await guilds.AllAsync());
        await guilds.DeleteAsync(ulong.MaxValue - 1);
        Assert.Null(await guilds.GetAsync(ulong.MaxValue - 1));
    }

    [DatabaseFact]
    public async Task GuildSettings_EpigraphCards_RoundTrip_OnItsOwnAndBesideTheOtherChoices()
    {
        var guilds = new GuildSettingsRepository(_db.Database, _time);
        var settings = new GuildSettings(7, EpigraphChannelId: 70, AnnounceChannelId: 71, AnnounceThread: true);

        await guilds.SaveAsync(settings);
        Assert.False((await guilds.GetAsync(7))!.EpigraphCards);
        await guilds.SaveAsync(settings with { EpigraphCards = true });
        Assert.Equal(settings with { EpigraphCards = true }, await guilds.GetAsync(7));
        await guilds.SaveAsync(settings with { EpigraphCards = true, AnnounceThread = false });
        Assert.Equal(settings with { EpigraphCards = true, AnnounceThread = false }, Assert.Single(await guilds.AllAsync()));
        await guilds.SaveAsync(settings with { EpigraphCards = false });

        Assert.Equal(settings, await guilds.GetAsync(7));
    }

    [DatabaseFact]
    public async Task Outbox_EnqueueIsIdempotentAndRowsOfATargetGoOutInOrder()
    {
        var outbox = new OutboxRepository(_db.Database, _time);

        Assert.True(await outbox.EnqueueAsync("discord:1", "epigraph", "{}", "key-1"));
        Assert.False(await outbox.EnqueueAsync("discord:1", "epigraph", "{}", "key-1"));
        await outbox.EnqueueAsync("discord:1", "epigraph", "{}", "key-2");
        await outbox.EnqueueAsync("discord:2", "epigraph", "{}", "key-3");

        var due = await outbox.NextDueAsync(10);
        Assert.Equal(["key-1", "key-3"], due.Select(e => e.IdempotencyKey));

        await outbox.MarkRetryAsync(due[0].Id, "503", _time.GetUtcNow().AddMinutes(1));
        Assert.Equal(["key-3"], (await outbox.NextDueAsync(10)).Select(e => e.IdempotencyKey));
        Assert.Equal(_time.GetUtcNow().AddMinutes(1), await outbox.NextDueAfterAsync(_time.GetUtcNow(), []));

        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.MarkDeliveredAsync(due[0].Id, "m-1");
        Assert.Equal(["key-2", "key-3"], (await outbox.NextDueAsync(10)).Select(e => e.IdempotencyKey));
        var delivered = (await outbox.AllAsync())[0];
        Assert.Equal((OutboxStatus.Delivered, 2, "m-1"), (delivered.Status, delivered.Attempts, delivered.RemoteId));
    }

    [DatabaseFact]
    public async Task Outbox_TheStepsOfAPost_AreWrittenTogetherInOrder_EachNamingTheOneItFollows()
    {
        var outbox = new OutboxRepository(_db.Database, _time);
        var steps = CommunityBot.Delivery.OutboxStep.Chain("mastodon:main", "epigraph", "post", [new("a"), new("b"), new("c", CommunityBot.Delivery.StepAction.OpenThread)]);

        Assert.True(await outbox.EnqueueAsync(steps));
        Assert.False(await outbox.EnqueueAsync(steps));

        var rows = await outbox.AllAsync();
        Assert.Equal(["post", "post#2/3", "post#3/3"], rows.Select(r => r.IdempotencyKey));
        Assert.Equal([null, "post", "post#2/3"], rows.Select(r => r.AfterKey));
        Assert.Equal(["epigraph", "epigraph", "thread"], rows.Select(r => r.Kind));
        Assert.Equal(["post"], (await outbox.NextDueAsync(10)).Select(e => e.IdempotencyKey));
        await outbox.MarkDeliveredAsync(rows[0].Id, "109");
        Assert.Equal("109", (await outbox.FindAsync("post"))!.RemoteId);
        Assert.Null(await outbox.FindAsync("no-such-key"));
    }

    [DatabaseFact]
    public async Task Outbox_FailedRowsShowInRecent()
    {
        var outbox = new OutboxRepository(_db.Database, _time);
        await outbox.EnqueueAsync("discord:7:1", "epigraph", "{}", "k");
        var row = (await outbox.NextDueAsync(1))[0];

        await outbox.MarkFailedAsync(row.Id, "403 Missing Access");

        var recent = Assert.Single(await outbox.RecentAsync("discord:7:", 5));
        Assert.Equal((OutboxStatus.Failed, "403 Missing Access"), (recent.Status, recent.LastError));
        Assert.Empty(await outbox.NextDueAsync(10));
    }

    [DatabaseFact]
    public async Task Outbox_PausedTargetsNeverTakeTheBatchFromWorkingOnes()
    {
        var outbox = new OutboxRepository(_db.Database, _time);
        var health = new TargetHealthRepository(_db.Database, _time);
        for (var i = 0; i < 3; i++)
        {
            await outbox.EnqueueAsync($"discord:1:{i}", "epigraph", "{}", $"paused-{i}");
            await health.RecordFailureAsync($"discord:1:{i}", "403", pauseAfter: 1);
        }
        await outbox.EnqueueAsync("discord:2:9", "epigraph", "{}", "working");

        Assert.Equal(["working"], (await outbox.NextDueAsync(limit: 1)).Select(e => e.IdempotencyKey));

        await health.ResumeAllAsync("discord:1:");
        Assert.Equal(["paused-0", "paused-1", "paused-2", "working"], (await outbox.NextDueAsync(10)).Select(e => e.IdempotencyKey));
    }

    [DatabaseFact]
    public async Task Rotation_SavesRoundAndShown()
    {
        var rotation = new RotationRepository(_db.Database);
        var fresh = await rotation.GetAsync("console");
        Assert.Equal((1, 0), (fresh.Round, fresh.Shown.Count));

        await rotation.SaveAsync(new RotationState("console", 2, new HashSet<string> { "a", "b" }));

        var saved = await rotation.GetAsync("console");
        Assert.Equal(2, saved.Round);
        Assert.True(saved.Shown.SetEquals(["a", "b"]));
    }

    [DatabaseFact]
    public async Task TargetHealth_PausesAfterRepeatedFailuresAndResumes()
    {
        var health = new TargetHealthRepository(_db.Database, _time);

        Assert.False((await health.RecordFailureAsync("t", "404", pauseAfter: 2)).Paused);
        var paused = await health.RecordFailureAsync("t", "404", pauseAfter: 2);
        Assert.True(paused.Paused);
        Assert.Equal((2, "404"), (paused.ConsecutiveFailures, paused.LastError));

        await health.ResumeAsync("t");
        Assert.Equal(new TargetHealth("t", 0, false, null), await health.GetAsync("t"));
    }

    [DatabaseFact]
    public async Task Outbox_StoppedTransportsAreLeftOut_AndOnlyThem()
    {
        var outbox = new OutboxRepository(_db.Database, _time);
        foreach (var target in new[] { "discord:1:1", "mastodon:main", "mastodon:main2", "mastodon:main_", "console" })
        {
            await outbox.EnqueueAsync(target, "epigraph", "{}", target);
        }
        await outbox.MarkRetryAsync((await outbox.AllAsync())[0].Id, "503", _time.GetUtcNow().AddMinutes(1));

        var due = await outbox.NextDueAsync(10, ["discord", "mastodon:main"]);

        Assert.Equal(["mastodon:main2", "mastodon:main_", "console"], due.Select(e => e.Target));
        Assert.Null(await outbox.NextDueAfterAsync(_time.GetUtcNow(), ["discord"]));
        Assert.Equal(_time.GetUtcNow().AddMinutes(1), await outbox.NextDueAfterAsync(_time.GetUtcNow(), ["mastodon:main"]));
    }

    [DatabaseFact]
    public async Task Sqlite_CreatesItsFolder0700AndItsFile0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var root = Directory.CreateTempSubdirectory("communitybot-mode-").FullName;
        try
        {
            var file = Path.Combine(root, "state", "nested", "bot.db");

            await MigrateAsync(file);

            const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(root, "state", "nested")));
            Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(root, "state")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [DatabaseFact]
    public async Task Sqlite_InAnOperatorsFolder_LeavesTheFolderAsItWas()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var root = Directory.CreateTempSubdirectory("communitybot-mode-").FullName;
        try
        {
            const UnixFileMode shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(root, shared);
            var file = Path.Combine(root, "bot.db");

            await MigrateAsync(file);

            Assert.Equal(shared, File.GetUnixFileMode(root));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task MigrateAsync(string file)
    {
        var database = new BotDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={file}" }));
        await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }
}
