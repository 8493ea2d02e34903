namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>An instance's limits.</summary>
public sealed record JsonInstanceConfiguration
{
    public JsonInstanceStatuses Statuses { get; init; } = new();
}
