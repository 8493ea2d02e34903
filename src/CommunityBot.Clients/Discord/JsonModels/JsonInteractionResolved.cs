namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The users, members, roles and channels an interaction's options refer to.</summary>
// Keyed by snowflake as a string, as Discord sends them.
public sealed record JsonInteractionResolved
{
    public IReadOnlyDictionary<string, JsonUser>? Users { get; init; }
    public IReadOnlyDictionary<string, JsonGuildMember>? Members { get; init; }
    public IReadOnlyDictionary<string, JsonRole>? Roles { get; init; }
    public IReadOnlyDictionary<string, JsonChannel>? Channels { get; init; }
    public IReadOnlyDictionary<string, JsonMessage>? Messages { get; init; }
}
