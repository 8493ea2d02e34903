namespace CommunityBot.Clients.Mastodon;

/// <summary>A file for POST /api/v2/media, with its description: the alt text every reader without the image relies on.</summary>
public sealed record MastodonUpload(ReadOnlyMemory<byte> Content, string FileName, string ContentType, string Description);
