namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A channel.</summary>
public sealed record JsonChannel
{
    public required ulong Id { get; init; }
    public int Type { get; init; }
    public ulong? GuildId { get; init; }
    public string? Name { get; init; }
    public int? Position { get; init; }
    public IReadOnlyList<JsonPermissionOverwrite>? PermissionOverwrites { get; init; }
    public ulong? ParentId { get; init; }
    public string? Topic { get; init; }
    public bool? Nsfw { get; init; }

    // In interaction payloads: the invoking member's permissions in this channel.
    public string? Permissions { get; init; }
}
