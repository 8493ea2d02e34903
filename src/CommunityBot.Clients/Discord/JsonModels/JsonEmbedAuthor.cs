namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The author line of an embed.</summary>
public sealed record JsonEmbedAuthor
{
    public required string Name { get; init; }
    public string? Url { get; init; }
    public string? IconUrl { get; init; }
}
