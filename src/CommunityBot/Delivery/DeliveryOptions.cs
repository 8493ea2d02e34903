using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Delivery;

public sealed class DeliveryOptions : IValidatableObject
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

    /// <summary>
    /// How long an instance holds an outbox row it is sending before another may take it over. A send is cut off
    /// after half of it, so the lease outlasts the send and its recording.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
    [
        .. OptionChecks.Between("Delivery:PollInterval", PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), TimeSpan.FromSeconds(30)),
        .. OptionChecks.Between("Delivery:MaxRetryDelay", MaxRetryDelay, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), TimeSpan.FromMinutes(15)),
        .. OptionChecks.Between("Delivery:MaxAttempts", MaxAttempts, 1, 1000, 10),
        .. OptionChecks.Between("Delivery:PauseAfterFailures", PauseAfterFailures, 1, 100, 3),
        .. OptionChecks.Between("Delivery:LeaseDuration", LeaseDuration, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), TimeSpan.FromMinutes(5)),
    ];
}
