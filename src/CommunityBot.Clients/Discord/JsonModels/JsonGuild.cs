namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A guild (server).</summary>
public sealed record JsonGuild
{
    public required ulong Id { get; init; }
    public string? Name { get; init; }
    public string? Icon { get; init; }
    public ulong? OwnerId { get; init; }
    public IReadOnlyList<JsonRole>? Roles { get; init; }
    public string? PreferredLocale { get; init; }
    public bool? Unavailable { get; init; }
}
