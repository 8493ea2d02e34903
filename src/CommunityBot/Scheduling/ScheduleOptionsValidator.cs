using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options) =>
        CronSchedule.TryParse(options.Epigraph.Cron, options.Epigraph.TimeZone, out _, out var problem)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Schedule:Epigraph (Cron '{options.Epigraph.Cron}', TimeZone '{options.Epigraph.TimeZone}'): {problem}");
}
