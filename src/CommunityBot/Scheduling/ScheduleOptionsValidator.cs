using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        if (!CronSchedule.TryParse(options.Epigraph.Cron, options.Epigraph.TimeZone, out _, out var problem))
        {
            failures.Add($"Schedule:Epigraph (Cron '{options.Epigraph.Cron}', TimeZone '{options.Epigraph.TimeZone}'): {problem}");
        }
        // Under a minute, a trigger that fires a few milliseconds after its slot would count as a missed post.
        if (options.MisfireGrace < TimeSpan.FromMinutes(1) || options.MisfireGrace > TimeSpan.FromDays(7))
        {
            failures.Add($"Schedule:MisfireGrace '{options.MisfireGrace}' must be between 00:01:00 and 7.00:00:00, e.g. 06:00:00");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
