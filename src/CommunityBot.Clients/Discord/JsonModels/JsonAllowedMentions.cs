namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>Which mentions in a message may ping.</summary>
public sealed record JsonAllowedMentions
{
    // An empty list is meaningful: it suppresses every mention. Null leaves Discord's default.
    // Discord rejects `parse` containing a type together with that type's id list.
    public IReadOnlyList<string>? Parse { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }
    public IReadOnlyList<ulong>? Users { get; init; }
    public bool? RepliedUser { get; init; }

    public static JsonAllowedMentions None { get; } = new() { Parse = [] };
}
