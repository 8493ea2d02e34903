using CommunityBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Benchmarks;

/// <summary>A fresh SQLite file, migrated by the bot's own migrator, with one configured guild per channel of the fan-out.</summary>
internal static class FanoutDatabase
{
    public const ulong FirstGuildId = 900_000_000_000_000_000UL;
    public const ulong FirstChannelId = 910_000_000_000_000_000UL;

    public static BotDatabase Open(string connectionString) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString }));

    /// <summary>Every guild posts at <paramref name="dueUtc"/> (to the second, Quartz's cron form, in UTC).</summary>
    public static async Task SeedAsync(BotDatabase database, int channels, DateTimeOffset dueUtc, CancellationToken cancellationToken)
    {
        await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).StartAsync(cancellationToken);
        var guilds = new GuildSettingsRepository(database, TimeProvider.System);
        var cron = $"{dueUtc.Second} {dueUtc.Minute} {dueUtc.Hour} * * ?";
        for (var i = 0UL; i < (ulong)channels; i++)
            await guilds.SaveAsync(new GuildSettings(FirstGuildId + i, FirstChannelId + i, cron, "Etc/UTC"), cancellationToken);
    }

    public static async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(BotDatabase database, CancellationToken cancellationToken) =>
        await new OutboxRepository(database, TimeProvider.System).AllAsync(cancellationToken);
}
