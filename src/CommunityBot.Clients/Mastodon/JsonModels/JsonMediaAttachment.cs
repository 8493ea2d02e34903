namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>The MediaAttachment entity, reduced to what attaching it needs.</summary>
public sealed record JsonMediaAttachment
{
    public required string Id { get; init; }

    public string Type { get; init; } = "";

    /// <summary>Null while the server is still processing the file.</summary>
    public string? Url { get; init; }

    public string? Description { get; init; }
}
