namespace CommunityBot.Clients.Discord.JsonModels;

public sealed record JsonEmbedField
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public bool? Inline { get; init; }
}
