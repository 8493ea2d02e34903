namespace CommunityBot.Clients.Mastodon;

/// <summary>Which of Mastodon's overlapping limits a request's headers most likely describe.</summary>
internal enum MastodonRateLimitBucket
{
    Default,

    /// <summary>Status creation: its own family (300 per 3 hours) whose headers replace the general ones.</summary>
    Statuses,

    /// <summary>Requests carrying min_id, max_id or since_id: the stricter paging throttle.</summary>
    Paging,

    /// <summary>Media uploads: their own family (30 per 30 minutes) whose headers replace the general ones.</summary>
    Media,
}
