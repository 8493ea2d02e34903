using System.Data.Common;

namespace CommunityBot.Storage;

public sealed class OutboxRepository(BotDatabase database, TimeProvider time)
{
    /// <summary>The PostgreSQL channel an enqueue notifies, so every instance's worker wakes, not only the writer's.</summary>
    public const string WakeUpChannel = "communitybot_outbox";

    private const string Columns =
        "id, target, kind, payload, idempotency_key, status, attempts, next_attempt_at, last_error, remote_id, created_at, delivered_at, unexpected_failures, lease_owner, lease_until, after_key";

    // A row is free when nobody leased it or its lease ran out: the instance that held it died or hung.
    private const string Unleased = "(o.lease_until IS NULL OR o.lease_until <= @now)";

    // When a head can be claimed: when it is due, or when its lease runs out if that is later.
    private const string ClaimableAt = "CASE WHEN o.lease_until > o.next_attempt_at THEN o.lease_until ELSE o.next_attempt_at END";

    // The head of a target is its oldest pending row: rows of a target go out in order, and a failed row is no
    // longer pending, so the next one becomes the head. A leased head stays the head, so its target waits for it,
    // on every instance. Paused targets are left out so they never take the places
    // of working ones.
    private const string DeliverableHeads = """
        o.status = 'pending'
        AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.target = o.target AND p.status = 'pending')
        AND NOT EXISTS (SELECT 1 FROM target_health h WHERE h.target = o.target AND h.paused <> 0)
        """;

    /// <summary>Writes a post to send; a second row with the same key is ignored, so enqueueing is idempotent too.</summary>
    /// <returns>True when the row is new.</returns>
    public Task<bool> EnqueueAsync(string target, string kind, string payload, string idempotencyKey, CancellationToken cancellationToken = default) =>
        EnqueueAsync([new OutboxPost(target, kind, payload, idempotencyKey)], cancellationToken);

    /// <summary>
    /// Writes the steps of one post in one transaction, in order, so they are sent in that order (a target's oldest
    /// pending row goes first) and a crash leaves all of them or none. Rows whose keys exist already are ignored.
    /// </summary>
    /// <returns>True when any row is new.</returns>
    public async Task<bool> EnqueueAsync(IReadOnlyList<OutboxPost> posts, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var post in posts)
        {
            await using var insert = connection.Command(
                """
                INSERT INTO outbox (target, kind, payload, idempotency_key, after_key, status, attempts, next_attempt_at, created_at)
                VALUES (@target, @kind, @payload, @key, @after, 'pending', 0, @now, @now)
                ON CONFLICT (idempotency_key) DO NOTHING
                """,
                ("@target", post.Target), ("@kind", post.Kind), ("@payload", post.Payload), ("@key", post.IdempotencyKey), ("@after", post.AfterKey), ("@now", Now()));
            insert.Transaction = transaction;
            inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        if (inserted > 0 && database.IsPostgres)
        {
            await using var notify = connection.Command("SELECT pg_notify(@channel, '')", ("@channel", WakeUpChannel));
            notify.Transaction = transaction;
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return inserted > 0;
    }

    /// <summary>The row with <paramref name="idempotencyKey"/>, or null when there is none.</summary>
    public async Task<OutboxEntry?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM outbox WHERE idempotency_key = @key", ("@key", idempotencyKey));
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The head row of every target that is due, not paused and not leased, oldest first.</summary>
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
            WHERE {DeliverableHeads} AND o.next_attempt_at <= @now AND {Unleased} {excluded}
            ORDER BY o.id
            LIMIT @limit
            """,
            [("@now", Now()), ("@limit", limit), .. parameters]);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> of the rows <see cref="NextDueAsync(int, IReadOnlyCollection{string}, CancellationToken)"/>
    /// would list to <paramref name="owner"/> until <paramref name="lease"/> from now, and returns them, oldest first.
    /// One statement: on PostgreSQL rows another instance is claiming are skipped, not waited for; SQLite has one
    /// writer at a time. Either way no row is leased to two instances at once.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(string owner, TimeSpan lease, int limit, IReadOnlyCollection<string> stoppedTransports, CancellationToken cancellationToken = default)
    {
        var (excluded, parameters) = Excluding(stoppedTransports);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            UPDATE outbox SET lease_owner = @owner, lease_until = @until
            WHERE id IN (
                SELECT o.id FROM outbox o
                WHERE {DeliverableHeads} AND o.next_attempt_at <= @now AND {Unleased} {excluded}
                ORDER BY o.id
                LIMIT @limit
                {(database.IsPostgres ? "FOR UPDATE OF o SKIP LOCKED" : "")})
            RETURNING {Columns}
            """,
            [("@owner", owner), ("@until", Time(now + lease)), ("@now", Time(now)), ("@limit", limit), .. parameters]);
        // RETURNING gives no order.
        return [.. (await ReadAllAsync(command, cancellationToken)).OrderBy(e => e.Id)];
    }

    /// <summary>Gives a leased row back unchanged, for any instance to take: its send did not happen or did not finish.</summary>
    public async Task ReleaseAsync(long id, string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner",
            ("@id", id), ("@owner", owner));
    }

    /// <summary>
    /// At start, frees the leases a previous run left behind rather than waiting for them to run out: those of
    /// <paramref name="owner"/> (a restarted instance that kept its id), and every lease while this process holds the
    /// SQLite database's lock (<see cref="BotDatabase.HeldExclusively"/>), since no other bot can be sending then.
    /// </summary>
    /// <returns>How many rows were freed.</returns>
    public async Task<int> ReleaseLeftOverLeasesAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return !database.HeldExclusively
            ? await connection.ExecuteAsync(
                "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner AND status = 'pending'", ("@owner", owner))
            : await connection.ExecuteAsync(
                "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND status = 'pending'");
    }

    /// <summary>
    /// When the next head row falls due (or its lease runs out) after <paramref name="after"/>, or null when none is
    /// waiting. Heads due by then were read at that time, so whoever read them knows of them already.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAfterAsync(DateTimeOffset after, IReadOnlyCollection<string> stoppedTransports, CancellationToken cancellationToken = default)
    {
        var (excluded, parameters) = Excluding(stoppedTransports);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT MIN({ClaimableAt}) FROM outbox o WHERE {DeliverableHeads} AND {ClaimableAt} > @after {excluded}",
            [("@after", Time(after)), .. parameters]);
        return DbCommandExtensions.AsTimestamp(await command.ExecuteScalarAsync(cancellationToken));
    }

    // Every mark below is conditional on the lease: a row is recorded by the instance holding it (or, never leased,
    // by anyone), so an instance whose lease ran out and was taken over cannot overwrite what the new holder records.
    // Each returns false when the row was not this holder's to record.

    /// <param name="leaseOwner">The instance that leased the row; null for a row never leased.</param>
    public async Task<bool> MarkDeliveredAsync(long id, string? remoteId, string? leaseOwner = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"""
            UPDATE outbox SET status = 'delivered', attempts = attempts + 1, remote_id = @remote, delivered_at = @now, last_error = NULL,
                lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND {HeldBy(leaseOwner)}
            """,
            ("@id", id), ("@remote", remoteId), ("@now", Now()), ("@owner", leaseOwner ?? "")) > 0;
    }

    /// <summary>
    /// Replaces the payload of a row still being sent, for a send in steps: what a step made (an uploaded image's id)
    /// is kept in the row before the next step, so that a retry continues from there instead of doing it again.
    /// </summary>
    /// <param name="leaseOwner">The instance that leased the row; null for a row never leased.</param>
    public async Task<bool> UpdatePayloadAsync(long id, string payload, string? leaseOwner = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"UPDATE outbox SET payload = @payload WHERE id = @id AND {HeldBy(leaseOwner)}",
            ("@id", id), ("@payload", payload), ("@owner", leaseOwner ?? "")) > 0;
    }

    /// <param name="unexpected">Counts the attempt toward the row's limit of unexpected failures.</param>
    /// <param name="leaseOwner">The instance that leased the row; null for a row never leased.</param>
    public async Task<bool> MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, bool unexpected = false, string? leaseOwner = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"""
            UPDATE outbox SET attempts = attempts + 1, unexpected_failures = unexpected_failures + @unexpected,
                last_error = @error, next_attempt_at = @next, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND {HeldBy(leaseOwner)}
            """,
            ("@id", id), ("@error", error), ("@next", Time(nextAttemptAt)), ("@unexpected", unexpected ? 1 : 0), ("@owner", leaseOwner ?? "")) > 0;
    }

    /// <param name="unexpected">The failure that ended the row was an unexpected one (the row is dead-lettered).</param>
    /// <param name="leaseOwner">The instance that leased the row; null for a row never leased.</param>
    public async Task<bool> MarkFailedAsync(long id, string error, bool unexpected = false, string? leaseOwner = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"""
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, unexpected_failures = unexpected_failures + @unexpected,
                last_error = @error, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND {HeldBy(leaseOwner)}
            """,
            ("@id", id), ("@error", error), ("@unexpected", unexpected ? 1 : 0), ("@owner", leaseOwner ?? "")) > 0;
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

    /// <summary>How many rows wait to be sent, and when the oldest of them was written (null when none waits).</summary>
    public async Task<(long Count, DateTimeOffset? Oldest)> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'pending'");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.ReadTimestamp(1));
    }

    /// <summary>
    /// The latest rows, newest first: of one <paramref name="target"/>, or of the targets starting with
    /// <paramref name="targetPrefix"/>, or of all when both are null; with <paramref name="problemsOnly"/> only the
    /// failed rows and those waiting to be tried again.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> HistoryAsync(string? target, string? targetPrefix, bool problemsOnly, int limit, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("@limit", limit) };
        if (target is not null)
        {
            where.Add("target = @target");
            parameters.Add(("@target", target));
        }
        if (targetPrefix is not null)
        {
            where.Add("substr(target, 1, @prefixLength) = @prefix");
            parameters.Add(("@prefix", targetPrefix));
            parameters.Add(("@prefixLength", targetPrefix.Length));
        }
        if (problemsOnly)
        {
            where.Add("(status = 'failed' OR (status = 'pending' AND last_error IS NOT NULL))");
        }
        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM outbox{filter} ORDER BY id DESC LIMIT @limit", [.. parameters]);
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
                reader.GetInt32(12),
                reader.ReadNullableString(13),
                reader.IsDBNull(14) ? null : reader.ReadTimestamp(14),
                reader.ReadNullableString(15)));
        }
        return entries;
    }

    // The never-leased case has SQL of its own: a null @owner would match nothing with =, and PostgreSQL cannot type
    // a null parameter compared with IS NULL.
    private static string HeldBy(string? owner) =>
        owner is null ? "status = 'pending' AND lease_owner IS NULL" : "status = 'pending' AND lease_owner = @owner";

    private object Now() => Time(time.GetUtcNow());

    private object Time(DateTimeOffset value) => DbCommandExtensions.Timestamp(value, asTimestamp: database.IsPostgres);

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
