namespace CommunityBot.History;

/// <summary>Where one outbox row stands, as the people responsible for it read it.</summary>
public enum DeliveryState
{
    /// <summary>Queued, not tried yet.</summary>
    Pending,

    /// <summary>Tried and failed for now; it is tried again.</summary>
    Retrying,

    Delivered,

    /// <summary>Given up: the platform refused it, or it failed too often.</summary>
    Failed,
}
