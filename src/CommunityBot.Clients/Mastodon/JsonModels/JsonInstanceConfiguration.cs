namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>An instance's limits.</summary>
public sealed record JsonInstanceConfiguration
{
    public JsonInstanceUrls Urls { get; init; } = new();

    public JsonInstanceStatuses Statuses { get; init; } = new();

    public JsonInstanceMediaAttachments MediaAttachments { get; init; } = new();
}
