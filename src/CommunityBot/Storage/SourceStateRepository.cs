namespace CommunityBot.Storage;

/// <summary>
/// Where a polled source got to: a Mastodon account's mention cursor, a feed's validators. A source with no row
/// has never been seen, which is how its first sight is told apart and taken as a baseline.
/// </summary>
public sealed class SourceStateRepository(BotDatabase database, TimeProvider time)
{
    public async Task<SourceState?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT cursor, etag, last_modified, failures, next_poll_at FROM source_state WHERE source = @source", ("@source", source));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SourceState(source, reader.ReadNullableString(0), reader.ReadNullableString(1), reader.ReadNullableString(2),
                reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.ReadTimestamp(4))
            : null;
    }

    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO source_state (source, cursor, etag, last_modified, failures, next_poll_at, updated_at)
            VALUES (@source, @cursor, @etag, @modified, @failures, @next, @now)
            ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, etag = excluded.etag, last_modified = excluded.last_modified,
                failures = excluded.failures, next_poll_at = excluded.next_poll_at, updated_at = excluded.updated_at
            """,
            ("@source", state.Source), ("@cursor", state.Cursor), ("@etag", state.ETag), ("@modified", state.LastModified),
            ("@failures", state.Failures), ("@next", state.NextPollAt is { } next ? DbCommandExtensions.Timestamp(next) : null),
            ("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())));
    }
}
