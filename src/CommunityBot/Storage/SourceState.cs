namespace CommunityBot.Storage;

public sealed record SourceState(
    string Source,
    string? Cursor,
    string? ETag = null,
    string? LastModified = null,
    int Failures = 0,
    DateTimeOffset? NextPollAt = null);
