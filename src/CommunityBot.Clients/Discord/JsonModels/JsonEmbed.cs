namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A rich embed.</summary>
public sealed record JsonEmbed
{
    public string? Title { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public int? Color { get; init; }
    public JsonEmbedFooter? Footer { get; init; }
    public JsonEmbedMedia? Image { get; init; }
    public JsonEmbedMedia? Thumbnail { get; init; }
    public JsonEmbedAuthor? Author { get; init; }
    public IReadOnlyList<JsonEmbedField>? Fields { get; init; }
}
