namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A member of a guild, as an interaction carries it.</summary>
public sealed record JsonGuildMember
{
    // Absent in MESSAGE_CREATE and in resolved members; present everywhere the bot reads it.
    public JsonUser? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<ulong> Roles { get; init; } = [];
    public DateTimeOffset? JoinedAt { get; init; }

    // Only in interactions: the member's permissions in the channel, overwrites included.
    public string? Permissions { get; init; }
    public bool? Pending { get; init; }
    public bool? Deaf { get; init; }
    public bool? Mute { get; init; }
}
