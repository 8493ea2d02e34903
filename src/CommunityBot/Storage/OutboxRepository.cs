using System.Data.Common;

namespace CommunityBot.Storage;

public sealed class OutboxRepository(BotDatabase database, TimeProvider time)
{
    private const string Columns =
        "id, target, kind, payload, idempotency_key, status, attempts, next_attempt_at, last_error, remote_id, created_at, delivered_at";

    /// <summary>Writes a post to send; a second row with the same key is ignored, so enqueueing is idempotent too.</summary>
    /// <returns>True when the row is new.</returns>
    public async Task<bool> EnqueueAsync(string target, string kind, string payload, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var now = DbCommandExtensions.Timestamp(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO outbox (target, kind, payload, idempotency_key, status, attempts, next_attempt_at, created_at)
            VALUES (@target, @kind, @payload, @key, 'pending', 0, @now, @now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            ("@target", target), ("@kind", kind), ("@payload", payload), ("@key", idempotencyKey), ("@now", now));
        return inserted > 0;
    }

    /// <summary>
    /// The oldest pending row of every target that is due and not paused, at most one a target: rows of a target go out
    /// in order, and paused targets are left out here so they never take the places of working ones.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> NextDueAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            SELECT {Columns} FROM outbox o
            WHERE o.status = 'pending'
              AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.target = o.target AND p.status = 'pending')
              AND o.next_attempt_at <= @now
              AND NOT EXISTS (SELECT 1 FROM target_health h WHERE h.target = o.target AND h.paused <> 0)
            ORDER BY o.id
            LIMIT @limit
            """,
            ("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())), ("@limit", limit));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextAttemptAtAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'");
        return await command.ExecuteScalarAsync(cancellationToken) is string text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
            : null;
    }

    /// <summary>
    /// Takes the write lock for a row about to be sent, changing nothing. A database that cannot be written fails
    /// here, before anything is sent, rather than after a send that could then not be recorded.
    /// </summary>
    public async Task ClaimAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE outbox SET attempts = attempts WHERE id = @id", ("@id", id));
    }

    public async Task MarkDeliveredAsync(long id, string? remoteId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET status = 'delivered', attempts = attempts + 1, remote_id = @remote, delivered_at = @now, last_error = NULL WHERE id = @id",
            ("@id", id), ("@remote", remoteId), ("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())));
    }

    public async Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id = @id",
            ("@id", id), ("@error", error), ("@next", DbCommandExtensions.Timestamp(nextAttemptAt)));
    }

    public async Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id",
            ("@id", id), ("@error", error));
    }

    /// <summary>The latest rows of the targets that start with <paramref name="targetPrefix"/>, newest first.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> RecentAsync(string targetPrefix, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM outbox WHERE target LIKE @prefix ORDER BY id DESC LIMIT @limit",
            ("@prefix", targetPrefix + "%"), ("@limit", limit));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEntry>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM outbox ORDER BY id");
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxEntry>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.ReadTimestamp(7),
                reader.ReadNullableString(8),
                reader.ReadNullableString(9),
                reader.ReadTimestamp(10),
                reader.IsDBNull(11) ? null : reader.ReadTimestamp(11)));
        }
        return entries;
    }
}
