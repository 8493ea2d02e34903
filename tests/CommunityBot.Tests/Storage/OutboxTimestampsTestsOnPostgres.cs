using CommunityBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommunityBot.Tests.Storage;

/// <summary>The outbox's times as real timestamps on PostgreSQL, rows written as text before the migration kept.</summary>
[OnPostgres]
public sealed class OutboxTimestampsTestsOnPostgres : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [DatabaseFact]
    public async Task Migration_TurnsTextTimesIntoTimestamps_KeepingEachRowsTime()
    {
        // The database as a build before the lease migration (version 6) left it: times as ISO-8601 text, no lease.
        var migrator = new DatabaseMigrator(_db.Database, NullLogger<DatabaseMigrator>.Instance);
        await ExecuteAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        await migrator.MigrateAsync(upTo: 5, CancellationToken.None);
        await ExecuteAsync("""
            INSERT INTO outbox (target, kind, payload, idempotency_key, status, attempts, next_attempt_at, created_at)
            VALUES ('discord:1:10', 'epigraph', 'x', 'written-before', 'pending', 0, '2026-11-26T09:00:05.1234567+00:00', '2026-11-26T08:59:00.0000000+00:00');
            """);

        await migrator.MigrateAsync(CancellationToken.None);

        await using var connection = new NpgsqlConnection(_db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var types = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'outbox' AND column_name IN ('next_attempt_at', 'created_at', 'delivered_at', 'lease_until') ORDER BY column_name",
            connection);
        await using (var reader = await types.ExecuteReaderAsync())
        {
            var columns = new List<string>();
            while (await reader.ReadAsync())
            {
                columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
            }
            Assert.Equal(
                ["created_at timestamp with time zone", "delivered_at timestamp with time zone", "lease_until timestamp with time zone", "next_attempt_at timestamp with time zone"],
                columns);
        }
        var row = Assert.Single(await new OutboxRepository(_db.Database, TimeProvider.System).AllAsync());
        // PostgreSQL keeps microseconds.
        Assert.Equal(
            (DateTimeOffset.Parse("2026-11-26T09:00:05.123457+00:00", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-26T08:59:00+00:00", System.Globalization.CultureInfo.InvariantCulture)),
            (row.NextAttemptAt, row.CreatedAt));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
