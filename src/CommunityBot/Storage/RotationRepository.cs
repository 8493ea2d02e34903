using System.Text.Json;

namespace CommunityBot.Storage;

public sealed class RotationRepository(BotDatabase database)
{
    public async Task<RotationState> GetAsync(string target, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT round, shown, next_key, last_post_key FROM rotation WHERE target = @target", ("@target", target));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new RotationState(target, 1, new HashSet<string>(StringComparer.Ordinal));
        }
        var shown = JsonSerializer.Deserialize(reader.GetString(1), StorageJsonContext.Default.StringArray) ?? [];
        return new RotationState(
            target, reader.GetInt32(0), new HashSet<string>(shown, StringComparer.Ordinal), reader.ReadNullableString(2), reader.ReadNullableString(3));
    }

    public async Task SaveAsync(RotationState state, CancellationToken cancellationToken = default)
    {
        var shown = JsonSerializer.Serialize(state.Shown.Order(StringComparer.Ordinal).ToArray(), StorageJsonContext.Default.StringArray);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO rotation (target, round, shown, next_key, last_post_key) VALUES (@target, @round, @shown, @next, @last)
            ON CONFLICT (target) DO UPDATE SET round = excluded.round, shown = excluded.shown,
                next_key = excluded.next_key, last_post_key = excluded.last_post_key
            """,
            ("@target", state.Target), ("@round", state.Round), ("@shown", shown), ("@next", state.Next), ("@last", state.LastPostKey));
    }
}
