using CommunityBot.Storage;
using Quartz.Impl.AdoJobStore;

namespace CommunityBot.Scheduling;

/// <summary>
/// Quartz's PostgreSQL driver delegate, creating its tables under the bot's schema lock. Two instances provisioning an empty
/// database at once otherwise collide inside PostgreSQL (23505 on pg_type_typname_nsp_index) and one fails to start.
/// </summary>
public sealed class SchemaLockingPostgresDialect : PostgreSQLDelegate
{
    public override async ValueTask CreateSchema(ConnectionAndTransactionHolder conn, CancellationToken cancellationToken = default)
    {
        if (conn.Transaction is not null)
        {
            // Held to the commit, so whoever waits sees the tables this one made rather than racing to make them again.
            await RunAsync(conn, "SELECT pg_advisory_xact_lock(@key)", cancellationToken);
            await base.CreateSchema(conn, cancellationToken);
            return;
        }
        await RunAsync(conn, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            await base.CreateSchema(conn, cancellationToken);
        }
        finally
        {
            await RunAsync(conn, "SELECT pg_advisory_unlock(@key)", cancellationToken);
        }
    }

    private static async Task RunAsync(ConnectionAndTransactionHolder conn, string sql, CancellationToken cancellationToken)
    {
        await using var command = conn.Connection.Command(sql, ("@key", DatabaseMigrator.SchemaLock));
        command.Transaction = conn.Transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
