namespace CommunityBot.Delivery;

/// <summary>What an attempt at one row means for the row, its target and its transport (the README's delivery-error table).</summary>
public enum SendOutcome
{
    Delivered,

    /// <summary>A timeout, a network failure, a 5xx or a 429: the same row is tried again later with the same key.</summary>
    Retry,

    /// <summary>The post itself was refused (Discord 400/50035, Mastodon 422, a payload that cannot be read): the row fails at once, the target is fine.</summary>
    Invalid,

    /// <summary>The target refused (403 missing access, 404 unknown channel): the row fails and counts toward pausing the target.</summary>
    Rejected,

    /// <summary>The credential was refused (401): the transport stops sending and its rows stay pending until the bot is restarted with a working one.</summary>
    Stopped,

    /// <summary>Anything else: retried with backoff up to Delivery:MaxAttempts times, then the row fails.</summary>
    Unexpected,
}
