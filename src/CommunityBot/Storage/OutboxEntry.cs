namespace CommunityBot.Storage;

/// <summary>
/// One outbound post. It is written before anything is sent; <see cref="IdempotencyKey"/> belongs to the row and
/// is sent with every attempt, so a retry after a crash or a timeout can never post twice.
/// </summary>
/// <param name="UnexpectedFailures">Attempts that failed in a way no rule foresaw; they are limited, transient failures are not.</param>
/// <param name="LeaseOwner">The instance sending the row now (<c>Cluster:InstanceId</c>); null when none is.</param>
/// <param name="LeaseUntil">When that instance's lease runs out and another may take the row over.</param>
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
    DateTimeOffset? LeaseUntil = null);
