namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary><c>configuration.media_attachments</c>, reduced to the limit on a description (alt text).</summary>
public sealed record JsonInstanceMediaAttachments
{
    /// <summary>Mastodon's own limit, for servers that leave it out.</summary>
    public const int DefaultDescriptionLimit = 1500;

    public int? DescriptionLimit { get; init; }
}
