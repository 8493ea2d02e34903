namespace CommunityBot.Storage;

/// <summary>Permanent delivery failures per target, so a target that keeps refusing posts is paused, not hammered.</summary>
public sealed class TargetHealthRepository(BotDatabase database, TimeProvider time)
{
    public async Task<TargetHealth> GetAsync(string target, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT consecutive_failures, paused, last_error FROM target_health WHERE target = @target", ("@target", target));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TargetHealth(target, reader.GetInt32(0), reader.GetInt64(1) != 0, reader.ReadNullableString(2))
            : new TargetHealth(target, 0, false, null);
    }

    /// <summary>Counts one more permanent failure; pauses the target when it reaches <paramref name="pauseAfter"/>.</summary>
    public async Task<TargetHealth> RecordFailureAsync(string target, string error, int pauseAfter, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(target, cancellationToken);
        var failures = current.ConsecutiveFailures + 1;
        var updated = new TargetHealth(target, failures, current.Paused || failures >= pauseAfter, error);
        await SaveAsync(updated, cancellationToken);
        return updated;
    }

    public Task RecordSuccessAsync(string target, CancellationToken cancellationToken = default) =>
        SaveAsync(new TargetHealth(target, 0, false, null), cancellationToken);

    public Task ResumeAsync(string target, CancellationToken cancellationToken = default) => RecordSuccessAsync(target, cancellationToken);

    /// <summary>Lifts the pause of every target whose key starts with <paramref name="prefix"/> (all of a guild's channels).</summary>
    public async Task ResumeAllAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE target_health SET consecutive_failures = 0, paused = 0, last_error = NULL, updated_at = @now WHERE target LIKE @prefix",
            ("@prefix", prefix + "%"), ("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())));
    }

    private async Task SaveAsync(TargetHealth health, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO target_health (target, consecutive_failures, paused, last_error, updated_at)
            VALUES (@target, @failures, @paused, @error, @now)
            ON CONFLICT (target) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
                paused = excluded.paused, last_error = excluded.last_error, updated_at = excluded.updated_at
            """,
            ("@target", health.Target), ("@failures", health.ConsecutiveFailures), ("@paused", health.Paused ? 1 : 0),
            ("@error", health.LastError), ("@now", DbCommandExtensions.Timestamp(time.GetUtcNow())));
    }
}
