namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An image or thumbnail of an embed.</summary>
// Image and thumbnail share one shape.
public sealed record JsonEmbedMedia
{
    public required string Url { get; init; }
    public int? Height { get; init; }
    public int? Width { get; init; }
}
