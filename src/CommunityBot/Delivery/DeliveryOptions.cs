namespace CommunityBot.Delivery;

/// <summary>The outbox worker's settings; the limits are checked by <see cref="DeliveryOptionsValidator"/>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the outbox is looked at when nothing wakes the worker.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts at one row.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many times a row whose sends keep failing in an unexpected way is tried before it is failed for good.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Rejections by the target (403, 404) in a row after which it is paused.</summary>
    public int PauseAfterFailures { get; set; } = 3;
}
