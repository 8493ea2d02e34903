namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A field of an embed.</summary>
public sealed record JsonEmbedField
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public bool? Inline { get; init; }
}
