namespace CommunityBot.Clients.Discord.JsonModels;

// Image and thumbnail share one shape.
public sealed record JsonEmbedMedia
{
    public required string Url { get; init; }
    public int? Height { get; init; }
    public int? Width { get; init; }
}
