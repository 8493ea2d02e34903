using CommunityBot.Storage;

namespace CommunityBot.History;

/// <summary>One outbox row in a history: when, what, where, how it stands, and the last error of a failure or retry.</summary>
public sealed record DeliveryRecord(DateTimeOffset At, string Kind, string Target, DeliveryState State, int Attempts, string? LastError)
{
    public static DeliveryRecord Of(OutboxEntry entry)
    {
        var state = entry.Status switch
        {
            OutboxStatus.Delivered => DeliveryState.Delivered,
            OutboxStatus.Failed => DeliveryState.Failed,
            _ when entry.LastError is not null => DeliveryState.Retrying,
            _ => DeliveryState.Pending,
        };
        return new DeliveryRecord(entry.DeliveredAt ?? entry.CreatedAt, entry.Kind, entry.Target, state, entry.Attempts,
            state is DeliveryState.Failed or DeliveryState.Retrying ? entry.LastError : null);
    }
}
