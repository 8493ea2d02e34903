namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A channel's permission overwrite for a role or a member.</summary>
public sealed record JsonPermissionOverwrite
{
    public required ulong Id { get; init; }

    // 0 = role, 1 = member.
    public int Type { get; init; }
    public string Allow { get; init; } = "0";
    public string Deny { get; init; } = "0";
}
