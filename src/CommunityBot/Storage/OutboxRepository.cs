using System.Data.Common;

namespace CommunityBot.Storage;

public sealed class OutboxRepository(BotDatabase database, TimeProvider time)
{
    private const string Columns =
        "id, target, kind, payload, idempotency_key, status, attempts, next_attempt_at, last_error, remote_id, created_at, delivered_at, unexpected_failures";

    // The head of a target is its oldest pending row: rows of a target go out in order, and a failed row is no
    // longer pending, so the next one becomes the head. Paused targets are left out so they never take the places
    // of working ones.
    private const string DeliverableHeads = """
        o.status = 'pending'
        AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.target = o.target AND p.status = 'pending')
        AND NOT EXISTS (SELECT 1 FROM target_health h WHERE h.target = o.target AND h.paused <> 0)
        """;

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

    /// <summary>The head row of every target that is due and not paused, oldest first.</summary>
    public Task<IReadOnlyList<OutboxEntry>> NextDueAsync(int limit, CancellationToken cancellationToken = default) =>
        NextDueAsync(limit, [], cancellationToken);

    /// <summary>
    /// The head row of every target that is due and not paused, oldest first, leaving out the targets of
    /// <paramref name="stoppedTransports"/> (see <c>TargetKey.Transport</c>): "discord" stands for every Discord
    /// target, "mastodon:{account}" for that account.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> NextDueAsync(int limit, IReadOnlyCollection<string> stoppedTransports, CancellationToken cancellationToken = default)
    {
        var (excluded, parameters) = Excluding(stoppedTransports);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            SELECT {Columns} FROM outbox o
            WHERE {DeliverableHeads} AND o.next_attempt_at <= @now {excluded}
            ORDER BY o.id
            LIMIT @limit
            """,
            [("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())), ("@limit", limit), .. parameters]);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// When the next head row falls due after <paramref name="after"/>, or null when none is waiting. Heads due by
    /// then were read at that time, so whoever read them knows of them already.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, IReadOnlyCollection<string> stoppedTransports, CancellationToken cancellationToken = default)
    {
        var (excluded, parameters) = Excluding(stoppedTransports);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT MIN(o.next_attempt_at) FROM outbox o WHERE {DeliverableHeads} AND o.next_attempt_at > @after {excluded}",
            [("@after", DbCommandExtensions.Timestamp(after)), .. parameters]);
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

    /// <param name="unexpected">Counts the attempt toward the row's limit of unexpected failures.</param>
    public async Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, bool unexpected = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE outbox SET attempts = attempts + 1, unexpected_failures = unexpected_failures + @unexpected,
                last_error = @error, next_attempt_at = @next WHERE id = @id
            """,
            ("@id", id), ("@error", error), ("@next", DbCommandExtensions.Timestamp(nextAttemptAt)), ("@unexpected", unexpected ? 1 : 0));
    }

    /// <param name="unexpected">The failure that ended the row was an unexpected one (the row is dead-lettered).</param>
    public async Task MarkFailedAsync(long id, string error, bool unexpected = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, unexpected_failures = unexpected_failures + @unexpected,
                last_error = @error WHERE id = @id
            """,
            ("@id", id), ("@error", error), ("@unexpected", unexpected ? 1 : 0));
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
                reader.IsDBNull(11) ? null : reader.ReadTimestamp(11),
                reader.GetInt32(12)));
        }
        return entries;
    }

    // A transport is its targets' common key, alone ("mastodon:main") or as a prefix ("discord" of "discord:1:2").
    // substr rather than LIKE: an account name may hold LIKE's wildcards.
    private static (string Sql, (string Name, object? Value)[] Parameters) Excluding(IReadOnlyCollection<string> transports)
    {
        var sql = new System.Text.StringBuilder();
        var parameters = new List<(string, object?)>();
        var i = 0;
        foreach (var transport in transports)
        {
            sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                $" AND o.target <> @stopped{i} AND substr(o.target, 1, @stoppedLength{i}) <> @stoppedPrefix{i}");
            parameters.Add(($"@stopped{i}", transport));
            parameters.Add(($"@stoppedLength{i}", transport.Length + 1));
            parameters.Add(($"@stoppedPrefix{i}", transport + ":"));
            i++;
        }
        return (sql.ToString(), [.. parameters]);
    }
}
