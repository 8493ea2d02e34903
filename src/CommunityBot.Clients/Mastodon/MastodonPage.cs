namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// One page of a paginated list, with the cursors from its Link header (opaque strings, never compare them as numbers).
/// </summary>
/// <param name="Items">In the server's order (Mastodon: newest first).</param>
/// <param name="NextMaxId">rel="next": pass as max_id for older items.</param>
/// <param name="PrevMinId">rel="prev": pass as min_id for the items newer than this page; persist it as the cursor.</param>
/// <param name="RateLimit">The limit this request counted against; paginated requests have a stricter one.</param>
public sealed record MastodonPage<T>(
    IReadOnlyList<T> Items,
    string? NextMaxId,
    string? PrevMinId,
    MastodonRateLimit? RateLimit);
