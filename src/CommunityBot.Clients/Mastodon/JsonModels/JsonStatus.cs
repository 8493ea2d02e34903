namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>A Status entity. <see cref="Content"/> is sanitized HTML, not the text that was posted.</summary>
public sealed record JsonStatus
{
    public required string Id { get; init; }

    public required string Uri { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string Visibility { get; init; }

    public string Content { get; init; } = "";

    public string SpoilerText { get; init; } = "";

    public bool Sensitive { get; init; }

    public string? Language { get; init; }

    public string? InReplyToId { get; init; }

    public string? InReplyToAccountId { get; init; }

    public required JsonAccount Account { get; init; }

    public IReadOnlyList<JsonMention> Mentions { get; init; } = [];
}
