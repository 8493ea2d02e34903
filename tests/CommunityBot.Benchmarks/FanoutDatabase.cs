using System.Globalization;
using CommunityBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Benchmarks;

/// <summary>
/// A fresh database (a SQLite file, or a PostgreSQL database for several instances), migrated by the bot's own migrator,
/// with one configured guild per channel of the fan-out.
/// </summary>
internal static class FanoutDatabase
{
    public const ulong FirstGuildId = 900_000_000_000_000_000UL;
    public const ulong FirstChannelId = 910_000_000_000_000_000UL;

    public static BotDatabase Open(string connectionString, string provider = StorageProvider.Sqlite) =>
        new(Options.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }));

    /// <summary>
    /// Every guild posts at <paramref name="dueUtc"/> (to the second, Quartz's cron form, in UTC). <paramref name="journal"/>
    /// is SQLite's journal mode; PostgreSQL has none.
    /// </summary>
    public static async Task SeedAsync(BotDatabase database, int channels, DateTimeOffset dueUtc, string? journal, CancellationToken cancellationToken)
    {
        await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken);
        var cron = $"{dueUtc.Second} {dueUtc.Minute} {dueUtc.Hour} * * ?";
        // The columns GuildSettingsRepository.SaveAsync writes, in one transaction: a thousand separate commits take 20 s.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0UL; i < (ulong)channels; i++)
        {
            await using var insert = connection.Command(
                "INSERT INTO guild_settings (guild_id, epigraph_channel_id, epigraph_cron, epigraph_time_zone, paused, updated_at) " +
                "VALUES (@guild, @channel, @cron, 'Etc/UTC', 0, @now)",
                ("@guild", (FirstGuildId + i).ToString(CultureInfo.InvariantCulture)),
                ("@channel", (FirstChannelId + i).ToString(CultureInfo.InvariantCulture)),
                ("@cron", cron),
                ("@now", DbCommandExtensions.Timestamp(DateTimeOffset.UtcNow)));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (journal is not null && !database.IsPostgres)
            await SetJournalAsync(connection, journal, cancellationToken);
        // Read back through the bot's own repository: the rows must be what /config would have written.
        var saved = await new GuildSettingsRepository(database, TimeProvider.System).AllAsync(cancellationToken);
        if (saved.Count != channels || saved.Any(g => g.EpigraphChannelId is null || g.EpigraphCron != cron))
            throw new InvalidOperationException($"seeded {channels} guilds, the repository reads {saved.Count} back");
    }

    private static async Task SetJournalAsync(System.Data.Common.DbConnection connection, string journal, CancellationToken cancellationToken)
    {
        // Leaving WAL needs the only connection to the file: the pool's others go first.
        SqliteConnection.ClearAllPools();
        await using (var pragma = connection.Command($"PRAGMA journal_mode={journal}"))
        {
            if (await pragma.ExecuteScalarAsync(cancellationToken) is not string mode || mode != journal)
                throw new InvalidOperationException($"SQLite kept its journal mode instead of {journal}");
        }
    }

    public static async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(BotDatabase database, CancellationToken cancellationToken) =>
        await new OutboxRepository(database, TimeProvider.System).AllAsync(cancellationToken);
}
