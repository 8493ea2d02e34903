namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>What an interaction is about: the command and its options, or the component.</summary>
// Command, autocomplete, component and modal data share this record; fields not sent for a type stay null.
public sealed record JsonInteractionData
{
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public int? Type { get; init; }
    public IReadOnlyList<JsonInteractionDataOption>? Options { get; init; }
    public JsonInteractionResolved? Resolved { get; init; }
    public ulong? GuildId { get; init; }
    public ulong? TargetId { get; init; }
    public string? CustomId { get; init; }
    public int? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
}
