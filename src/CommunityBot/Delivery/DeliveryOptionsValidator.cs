using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

// Written out rather than generated from [Range]: the generated validator dropped the messages that name the keys.
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        Check(failures, "PollInterval", options.PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Check(failures, "MaxRetryDelay", options.MaxRetryDelay, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Check(failures, "MaxAttempts", options.MaxAttempts, 1, 1000);
        Check(failures, "PauseAfterFailures", options.PauseAfterFailures, 1, 100);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{DeliveryOptions.Section}:{key} must be between {Format(min)} and {Format(max)}");
        }
    }

    private static string Format<T>(T value) =>
        value is TimeSpan span ? span.ToString("c", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
}
