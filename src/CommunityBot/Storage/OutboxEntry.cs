namespace CommunityBot.Storage;

/// <summary>
/// One outbound post. It is written before anything is sent; <see cref="IdempotencyKey"/> belongs to the row and
/// is sent with every attempt, so a retry after a crash or a timeout can never post twice.
/// </summary>
/// <param name="UnexpectedFailures">Attempts that failed in a way no rule foresaw; they are limited, transient failures are not.</param>
/// <param name="LeaseOwner">The instance sending the row now (<c>Cluster:InstanceId</c>); null when none is.</param>
/// <param name="LeaseUntil">When that instance's lease runs out and another may take the row over.</param>
/// <param name="AfterKey">
/// The key of the row this one follows in a post of several steps (a thread's earlier part, the announcement a thread
/// opens on); its remote id is what this row is sent with. Null for a row that stands alone or starts its chain.
/// </param>
public sealed record OutboxEntry(
    long Id,
    string Target,
    string Kind,
    string Payload,
    string IdempotencyKey,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? RemoteId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    int UnexpectedFailures = 0,
    string? LeaseOwner = null,
    DateTimeOffset? LeaseUntil = null,
    string? AfterKey = null)
{
    /// <summary>The remote id of the row <see cref="AfterKey"/> names, read by the delivery worker just before the send.</summary>
    public string? AfterRemoteId { get; init; }
}
