namespace CommunityBot.Delivery;

public enum SendOutcome
{
    Delivered,

    /// <summary>A timeout, a 5xx or a 429: the same row is tried again later with the same key.</summary>
    Retry,

    /// <summary>The target refused for good (403 missing access, 404 unknown channel, 422): the row fails.</summary>
    Permanent,
}
