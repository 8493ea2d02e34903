namespace CommunityBot.Clients.Mastodon.JsonModels;

public sealed record JsonInstanceConfiguration
{
    public JsonInstanceStatuses Statuses { get; init; } = new();

    public JsonInstanceMediaAttachments MediaAttachments { get; init; } = new();
}
