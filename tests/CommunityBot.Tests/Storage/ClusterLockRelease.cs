using CommunityBot.Storage;

namespace CommunityBot.Tests.Storage;

/// <summary>
/// Waits until PostgreSQL has released a piece of work's lock: a closed connection's session ends a moment after the
/// client is done with it. Taking the lock with the blocking <c>pg_advisory_lock</c> waits for exactly that, no polling.
/// </summary>
internal static class ClusterLockRelease
{
    public static async Task WaitAsync(TestDatabase db, ClusterWork work)
    {
        await using var connection = await db.Database.OpenAsync();
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", ("@key", work.Key)).WaitAsync(TimeSpan.FromSeconds(10));
        await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", ("@key", work.Key));
    }
}
