namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A guild role.</summary>
public sealed record JsonRole
{
    public required ulong Id { get; init; }
    public required string Name { get; init; }
    public int Color { get; init; }
    public bool Hoist { get; init; }
    public int Position { get; init; }
    public string Permissions { get; init; } = "0";
    public bool Managed { get; init; }
    public bool Mentionable { get; init; }
}
