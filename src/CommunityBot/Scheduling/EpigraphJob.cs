using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CommunityBot.Scheduling;

/// <summary>
/// One target's scheduled post. The trigger fires late at most once after downtime (fire-and-proceed), so the job
/// decides what that firing stands for: the latest scheduled time within the grace window, posted once under a key
/// made from that time, or nothing when every missed time is older than the window.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class EpigraphJob(IEpigraphPoster poster, IOptions<ScheduleOptions> options, ILogger<EpigraphJob> logger) : IJob
{
    public const string TargetKey = "target";

    /// <summary>
    /// The post's key: one per scheduled fire time, to the second, since a schedule may fire several times a minute. A
    /// time on the minute keeps the minute-only form, so rows queued before seconds counted keep their keys.
    /// </summary>
    public static string IdempotencyKey(string target, DateTimeOffset scheduled) =>
        scheduled.Second == 0 && scheduled.Millisecond == 0
            ? $"epigraph:{target}:{scheduled.UtcDateTime:yyyyMMddHHmm}"
            : $"epigraph:{target}:{scheduled.UtcDateTime:yyyyMMddHHmmss}";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var target = context.MergedJobDataMap.GetString(TargetKey)
            ?? throw new InvalidOperationException($"Epigraph job {context.JobDetail.Key} has no '{TargetKey}' in its data.");
        var trigger = (ICronTrigger)context.Trigger;
        var schedule = CronSchedule.Parse(trigger.CronExpressionString!, trigger.TimeZone.Id);
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var now = context.FireTimeUtc > scheduled ? context.FireTimeUtc : scheduled;
        var grace = options.Value.MisfireGrace;

        if (DueSlot(schedule, now, grace) is not { } slot)
        {
            LogSkipped(target, scheduled, now - scheduled, grace);
            return;
        }
        var posted = await poster.PostAsync(target, IdempotencyKey(target, slot), cancellationToken);
        if (posted is not null && now - slot > TimeSpan.FromMinutes(1))
        {
            LogLate(target, slot, now - slot);
        }
    }

    /// <summary>The scheduled time a firing at <paramref name="now"/> posts for, or null when the last one is older than <paramref name="grace"/>.</summary>
    public static DateTimeOffset? DueSlot(CronSchedule schedule, DateTimeOffset now, TimeSpan grace) =>
        schedule.LatestBetween(now - grace - TimeSpan.FromTicks(1), now);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Epigraph for {Target} skipped: it was due at {Scheduled:u}, {Late} ago, beyond the grace window of {Grace} (Schedule:MisfireGrace)")]
    private partial void LogSkipped(string target, DateTimeOffset scheduled, TimeSpan late, TimeSpan grace);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Epigraph for {Target} due at {Scheduled:u} posted {Late} late, within the grace window")]
    private partial void LogLate(string target, DateTimeOffset scheduled, TimeSpan late);
}
