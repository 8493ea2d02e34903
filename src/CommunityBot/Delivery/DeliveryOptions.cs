using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the outbox is looked at when nothing wakes the worker.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Delivery:PollInterval must be between 00:00:01 and 01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts at one row.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Delivery:MaxRetryDelay must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many times a row whose sends keep failing in an unexpected way is tried before it is failed for good.</summary>
    [Range(1, 1000, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 1000")]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Rejections by the target (403, 404) in a row after which it is paused.</summary>
    [Range(1, 100, ErrorMessage = "Delivery:PauseAfterFailures must be between 1 and 100")]
    public int PauseAfterFailures { get; set; } = 3;
}
