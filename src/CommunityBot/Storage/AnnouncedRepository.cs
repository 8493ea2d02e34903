namespace CommunityBot.Storage;

/// <summary>
/// The keys of every item the bot knows about (a guid, a link, a slug), from any source, with why it is known.
/// A key of any source counts: an essay first seen in the folder is known when its feed item comes.
/// </summary>
public sealed class AnnouncedRepository(BotDatabase database, TimeProvider time)
{
    public const string Announced = "announced";
    public const string Baseline = "baseline";
    public const string Alias = "alias";
    public const string Manual = "manual";

    /// <summary>Those of <paramref name="keys"/> that are already known.</summary>
    public async Task<IReadOnlySet<string>> FindKnownAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return known;
        }
        var names = keys.Select((_, i) => $"@k{i}").ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT DISTINCT item_key FROM announced WHERE item_key IN ({string.Join(", ", names)})",
            [.. keys.Select((key, i) => (names[i], (object?)key))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.GetString(0));
        }
        return known;
    }

    /// <summary>Records keys under a source; a key the source already has keeps its first reason.</summary>
    public async Task RecordAsync(string source, IEnumerable<string> keys, string reason, CancellationToken cancellationToken = default)
    {
        var now = DbCommandExtensions.Timestamp(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            await using var command = connection.Command(
                """
                INSERT INTO announced (source, item_key, announced_at, reason) VALUES (@source, @key, @now, @reason)
                ON CONFLICT (source, item_key) DO NOTHING
                """,
                ("@source", source), ("@key", key), ("@now", now), ("@reason", reason));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>How many keys a source has recorded for a reason; for logs and tests.</summary>
    public async Task<int> CountAsync(string source, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT COUNT(*) FROM announced WHERE source = @source AND reason = @reason", ("@source", source), ("@reason", reason));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
