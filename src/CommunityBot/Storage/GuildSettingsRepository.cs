using System.Data.Common;
using System.Globalization;

namespace CommunityBot.Storage;

public sealed class GuildSettingsRepository(BotDatabase database, TimeProvider time)
{
    private const string Columns = "guild_id, epigraph_channel_id, epigraph_cron, epigraph_time_zone, announce_channel_id, announce_role_id, paused, announce_thread, epigraph_cards";

    public async Task<GuildSettings?> GetAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM guild_settings WHERE guild_id = @guild", ("@guild", Id(guildId)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<GuildSettings>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM guild_settings ORDER BY guild_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var all = new List<GuildSettings>();
        while (await reader.ReadAsync(cancellationToken))
        {
            all.Add(Read(reader));
        }
        return all;
    }

    public async Task SaveAsync(GuildSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO guild_settings ({Columns}, updated_at)
            VALUES (@guild, @channel, @cron, @zone, @announce, @role, @paused, @thread, @cards, @now)
            ON CONFLICT (guild_id) DO UPDATE SET
                epigraph_channel_id = excluded.epigraph_channel_id, epigraph_cron = excluded.epigraph_cron,
                epigraph_time_zone = excluded.epigraph_time_zone, announce_channel_id = excluded.announce_channel_id,
                announce_role_id = excluded.announce_role_id, paused = excluded.paused, announce_thread = excluded.announce_thread,
                epigraph_cards = excluded.epigraph_cards,
                updated_at = excluded.updated_at
            """,
            ("@guild", Id(settings.GuildId)),
            ("@channel", Id(settings.EpigraphChannelId)),
            ("@cron", settings.EpigraphCron),
            ("@zone", settings.EpigraphTimeZone),
            ("@announce", Id(settings.AnnounceChannelId)),
            ("@role", Id(settings.AnnounceRoleId)),
            ("@paused", settings.Paused ? 1 : 0),
            ("@thread", settings.AnnounceThread ? 1 : 0),
            ("@cards", settings.EpigraphCards ? 1 : 0),
            ("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())));
    }

    public async Task DeleteAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM guild_settings WHERE guild_id = @guild", ("@guild", Id(guildId)));
    }

    private static GuildSettings Read(DbDataReader reader) => new(
        ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
        ReadId(reader, 1),
        reader.ReadNullableString(2),
        reader.ReadNullableString(3),
        ReadId(reader, 4),
        ReadId(reader, 5),
        reader.GetInt64(6) != 0,
        reader.GetInt64(7) != 0,
        reader.GetInt64(8) != 0);

    // Snowflakes are stored as text: they do not fit PostgreSQL's signed BIGINT above 2^63.
    private static string? Id(ulong? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static ulong? ReadId(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ulong.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
