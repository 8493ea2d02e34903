namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>The body of <c>POST /api/v1/statuses</c>; null members are left out of the request.</summary>
public sealed record JsonStatusCreate
{
    public required string Status { get; init; }

    /// <summary>One of <see cref="MastodonVisibility"/>; the account's default when null.</summary>
    public string? Visibility { get; init; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Language { get; init; }

    /// <summary>The content warning; it counts against the same character budget as <see cref="Status"/>.</summary>
    public string? SpoilerText { get; init; }

    public bool? Sensitive { get; init; }

    public string? InReplyToId { get; init; }

    /// <summary>Uploaded media (POST /api/v2/media) to attach, once each has finished processing.</summary>
    public IReadOnlyList<string>? MediaIds { get; init; }
}
