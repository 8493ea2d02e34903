using CommunityBot.Storage;
using CommunityBot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CommunityBot.Tests.Storage;

/// <summary>
/// Instances started together on one new PostgreSQL database, as a rolling upgrade starts them: every one comes up.
/// A race is not certain to show in one try, so each test makes several fresh databases.
/// </summary>
[OnPostgres]
public sealed class ConcurrentStartTests : IDisposable
{
    private const int Rounds = 4;
    private readonly TempEssayFolder _essays = new();

    public ConcurrentStartTests() => _essays.Write("alpha.md", TempEssayFolder.Essay("Alpha"));

    public void Dispose() => _essays.Dispose();

    [DatabaseFact]
    public async Task Migrators_RacingOnAnEmptyDatabase_BothSucceedAndRecordEachVersionOnce()
    {
        for (var round = 0; round < Rounds; round++)
        {
            await using var db = await TestDatabase.CreateEmptyAsync(StorageProvider.Postgres);
            var migrators = Enumerable.Range(0, 3)
                .Select(_ => new DatabaseMigrator(new BotDatabase(Microsoft.Extensions.Options.Options.Create(db.Options)), NullLogger<DatabaseMigrator>.Instance))
                .ToList();

            await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

            await using var connection = await db.Database.OpenAsync();
            await using var versions = connection.Command("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_version");
            await using var reader = await versions.ExecuteReaderAsync();
            await reader.ReadAsync();
            var latest = migrators[0].LatestVersion;
            Assert.Equal((latest, latest, latest), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)));
        }
    }

    [DatabaseFact]
    public async Task SchemaVersion_HasAPrimaryKey()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var connection = await db.Database.OpenAsync();

        var duplicate = connection.ExecuteAsync("INSERT INTO schema_version (version) VALUES (1)");

        Assert.Equal("23505", (await Assert.ThrowsAsync<Npgsql.PostgresException>(() => duplicate)).SqlState);
    }

    [DatabaseFact]
    public async Task QuartzSchedulers_StartingTogetherWithoutTheirTables_BothProvisionAndComeUp()
    {
        for (var round = 0; round < Rounds; round++)
        {
            // The bot's schema is there (the migrators take turns, above); Quartz's tables are not.
            await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
            var hosts = Enumerable.Range(0, 2).Select(i => SchedulingHost.Create(
                db, _essays.Path, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero)), new SeededRandom(i),
                // Quartz keeps one scheduler per name in a process; two processes would each have their own.
                configure: s => s.Configure<QuartzOptions>(o => o.Properties["quartz.scheduler.instanceName"] = $"instance-{i}"))).ToList();
            try
            {
                await Task.WhenAll(hosts.Select(h => Task.Run(h.StartAsync)));

                foreach (var host in hosts)
                {
                    // Reads Quartz's own tables: they exist and the store answers.
                    Assert.NotNull(await (await host.QuartzAsync()).GetJobKeys(GroupMatcher<JobKey>.AnyGroup()));
                }
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync();
                }
            }
        }
    }
}
