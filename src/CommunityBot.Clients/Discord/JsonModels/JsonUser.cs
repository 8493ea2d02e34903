namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A user.</summary>
public sealed record JsonUser
{
    public required ulong Id { get; init; }
    public required string Username { get; init; }
    public string? Discriminator { get; init; }
    public string? GlobalName { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }
    public int? PublicFlags { get; init; }
}
