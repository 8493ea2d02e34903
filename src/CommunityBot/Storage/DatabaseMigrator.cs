using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Storage;

/// <summary>
/// Brings the schema up to date at start, one numbered migration at a time, each in its own transaction.
/// It is registered before every service that reads the database, so they start on the current schema.
/// On PostgreSQL several instances may start at once: they take turns under <see cref="SchemaLock"/>, so the second
/// finds the schema the first made instead of failing on a table or column that already exists.
/// </summary>
public sealed partial class DatabaseMigrator(BotDatabase database, ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    /// <summary>
    /// The PostgreSQL advisory lock held while the schema changes: by this migrator, and by Quartz while it provisions
    /// its tables (<c>SchemaLockingPostgresDialect</c>), whose concurrent CREATE TABLEs race just the same.
    /// </summary>
    public const long SchemaLock = 0x436F6D6D42_6F74; // "CommBot"

    public int LatestVersion => Migrations.Count;

    private IReadOnlyList<string> Migrations =>
    [
        $"""
        CREATE TABLE guild_settings (
            guild_id TEXT PRIMARY KEY,
            epigraph_channel_id TEXT NULL,
            epigraph_cron TEXT NULL,
            epigraph_time_zone TEXT NULL,
            announce_channel_id TEXT NULL,
            announce_role_id TEXT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE rotation (
            target TEXT PRIMARY KEY,
            round INTEGER NOT NULL,
            shown TEXT NOT NULL
        );
        CREATE TABLE outbox (
            id {database.IdentityColumn},
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT NULL,
            remote_id TEXT NULL,
            created_at TEXT NOT NULL,
            delivered_at TEXT NULL
        );
        CREATE INDEX outbox_by_status ON outbox (status, target, id);
        CREATE TABLE target_health (
            target TEXT PRIMARY KEY,
            consecutive_failures INTEGER NOT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE announced (
            source TEXT NOT NULL,
            item_key TEXT NOT NULL,
            announced_at TEXT NOT NULL,
            PRIMARY KEY (source, item_key)
        );
        CREATE TABLE source_state (
            source TEXT PRIMARY KEY,
            cursor TEXT NULL,
            etag TEXT NULL,
            last_modified TEXT NULL,
            failures INTEGER NOT NULL DEFAULT 0,
            next_poll_at TEXT NULL,
            updated_at TEXT NOT NULL
        );
        """,
        // The rotation's pre-chosen next epigraph (so a preview is what gets posted) and the key of its last post
        // (so a job that runs twice for one scheduled time moves the rotation on once).
        """
        ALTER TABLE rotation ADD COLUMN next_key TEXT NULL;
        ALTER TABLE rotation ADD COLUMN last_post_key TEXT NULL;
        """,
        // Why an item is known (announced, baseline, alias of an announced item, manual), and a lookup by key
        // alone: one essay seen in the folder and in a feed is the same essay, whichever source saw it first.
        """
        ALTER TABLE announced ADD COLUMN reason TEXT NOT NULL DEFAULT 'announced';
        CREATE INDEX announced_by_key ON announced (item_key);
        """,
        // Unexpected send errors of a row, counted apart from its transient retries (an outage may take any number of
        // those): the row is failed for good when these reach Delivery:MaxAttempts.
        """
        ALTER TABLE outbox ADD COLUMN unexpected_failures INTEGER NOT NULL DEFAULT 0;
        """,
        // One row per version. A database made before the key had none (new ones have it from the start): PostgreSQL
        // gets it added, SQLite, which cannot add a key to a table, the unique index that stands for one.
        database.IsPostgres
            ? """
              DO $$
              BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'schema_version'::regclass AND contype = 'p') THEN
                      DELETE FROM schema_version a USING schema_version b WHERE a.ctid < b.ctid AND a.version = b.version;
                      ALTER TABLE schema_version ADD PRIMARY KEY (version);
                  END IF;
              END $$;
              """
            : "CREATE UNIQUE INDEX IF NOT EXISTS schema_version_by_version ON schema_version (version);",
        // An outbox row is leased to one instance while it is sent (OutboxRepository.ClaimDueAsync). On PostgreSQL the
        // times become real timestamps, compared as instants whatever their text looked like; SQLite keeps its
        // fixed-width ISO-8601 text, which compares in time order as it is.
        database.IsPostgres
            ? """
              ALTER TABLE outbox
                  ALTER COLUMN next_attempt_at TYPE timestamptz USING next_attempt_at::timestamptz,
                  ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
                  ALTER COLUMN delivered_at TYPE timestamptz USING delivered_at::timestamptz,
                  ADD COLUMN lease_owner TEXT NULL,
                  ADD COLUMN lease_until timestamptz NULL;
              """
            : """
              ALTER TABLE outbox ADD COLUMN lease_owner TEXT NULL;
              ALTER TABLE outbox ADD COLUMN lease_until TEXT NULL;
              """,
        // When each of the Discord gateway's identify buckets may next IDENTIFY, shared by the instances that run shards
        // of one bot (DatabaseIdentifyGate). A single instance on SQLite keeps its buckets in memory and leaves it empty.
        $"""
        CREATE TABLE IF NOT EXISTS identify_slot (
            bucket INTEGER PRIMARY KEY,
            next_allowed {(database.IsPostgres ? "timestamptz" : "TEXT")} NOT NULL,
            owner TEXT NOT NULL
        );
        """,
        // A post of several steps (a Mastodon thread's parts, a Discord announcement and the thread under it): a later
        // step names the row whose remote id it needs, read when it is sent. And whether a guild's announcements open
        // a discussion thread.
        """
        ALTER TABLE outbox ADD COLUMN after_key TEXT NULL;
        ALTER TABLE guild_settings ADD COLUMN announce_thread INTEGER NOT NULL DEFAULT 0;
        """,
        // Whether a guild's scheduled epigraphs carry a quote card (/config epigraphs cards:true); the same statement
        // in both dialects, as paused is an INTEGER in both.
        """
        ALTER TABLE guild_settings ADD COLUMN epigraph_cards INTEGER NOT NULL DEFAULT 0;
        """,
    ];

    // The host runs every StartingAsync before any StartAsync: whatever else starts, it starts on a migrated database,
    // whichever order the services were registered in.
    public Task StartingAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings the schema to the latest version; on PostgreSQL under an advisory lock, so instances take turns.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(LatestVersion, cancellationToken);

    /// <summary>Brings the schema to <paramref name="upTo"/>: a test makes a database as an older build left it.</summary>
    internal async Task MigrateAsync(int upTo, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (!database.IsPostgres)
        {
            // Write-ahead logging: a commit is one append instead of a rollback journal written, synced and deleted, and
            // readers do not wait for the writer. Quartz, the jobs and delivery commit many small transactions; a
            // 1,000-channel fan-out queued its posts at 140 a second with it, 40 without. It stays set in the file.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
            await MigrateAsync(connection, upTo, cancellationToken);
            return;
        }
        // A session lock on this connection, not a transaction's: each migration commits on its own.
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", ("@key", SchemaLock));
        try
        {
            await MigrateAsync(connection, upTo, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", ("@key", SchemaLock));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(System.Data.Common.DbConnection connection, int upTo, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)");
        await using (var read = connection.Command("SELECT MAX(version) FROM schema_version"))
        {
            var current = await read.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (current > LatestVersion)
            {
                throw new InvalidOperationException($"The database is at schema version {current}, newer than this program knows ({LatestVersion}); run a newer build.");
            }
            for (var version = current + 1; version <= upTo; version++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var migrate = connection.Command(Migrations[version - 1]))
                {
                    migrate.Transaction = transaction;
                    await migrate.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = connection.Command("INSERT INTO schema_version (version) VALUES (@version)", ("@version", version)))
                {
                    record.Transaction = transaction;
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                LogMigrated(version);
            }
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Database schema migrated to version {Version}")]
    private partial void LogMigrated(int version);
}
