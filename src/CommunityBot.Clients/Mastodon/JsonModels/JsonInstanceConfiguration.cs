namespace CommunityBot.Clients.Mastodon.JsonModels;

public sealed record JsonInstanceConfiguration
{
    public JsonInstanceUrls Urls { get; init; } = new();

    public JsonInstanceStatuses Statuses { get; init; } = new();

    public JsonInstanceMediaAttachments MediaAttachments { get; init; } = new();
}
