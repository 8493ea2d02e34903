using CommunityBot.Delivery;
using Quartz;

namespace CommunityBot.Scheduling;

/// <summary>One Quartz job and cron trigger per target, keyed by the target, in the "epigraph" group.</summary>
public sealed class EpigraphScheduler(ISchedulerFactory schedulers, TimeProvider time) : IEpigraphScheduler
{
    public const string Group = "epigraph";

    public static JobKey JobKeyOf(string target) => new(target, Group);

    public static TriggerKey TriggerKeyOf(string target) => new(target, Group);

    public async Task ScheduleAsync(string target, CronSchedule schedule, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Re-storing an unchanged trigger would reset its next fire time and lose a post that is waiting as a misfire.
        if (await scheduler.GetTrigger(TriggerKeyOf(target), cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == schedule.QuartzExpression
            && existing.TimeZone.Id == schedule.TimeZone.Id)
        {
            return;
        }
        var job = JobBuilder.Create<EpigraphJob>()
            .WithIdentity(JobKeyOf(target))
            .UsingJobData(EpigraphJob.TargetKey, target)
            .Build();
        await scheduler.ScheduleJob(job, [BuildTrigger(target, schedule, time)], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task UnscheduleAsync(string target, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyOf(target), cancellationToken);
    }

    public async Task<DateTimeOffset?> NextFireAsync(string target, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerKeyOf(target), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>
    /// Schedules every target given and removes the epigraph jobs of targets that are gone, among the kinds of target
    /// <paramref name="owned"/> names.
    /// </summary>
    /// <remarks>
    /// The job store may be shared by instances configured differently: one with Discord only, another with the
    /// Mastodon accounts. An instance knows every target of the kinds its sources give (Discord's come from the shared
    /// database, the same for every instance with Discord; Mastodon's from its configuration, which must list the same
    /// accounts on every instance that has any, as any of them may deliver an account's posts), and nothing of the
    /// other kinds, so a job of a kind it does not own may be another instance's and is left alone. So is a job whose
    /// name is no target at all. A kind no instance has any more keeps its jobs until a job of it is deleted by hand.
    /// </remarks>
    public async Task SyncAsync(IReadOnlyCollection<EpigraphTarget> targets, IReadOnlySet<TargetKind> owned, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var wanted = targets.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken))
        {
            if (!wanted.Contains(stale.Name) && TargetKey.TryParse(stale.Name, out var key) && owned.Contains(key.Kind))
            {
                await scheduler.DeleteJob(stale, cancellationToken);
            }
        }
        foreach (var target in targets)
        {
            await ScheduleAsync(target.Key, target.Schedule, cancellationToken);
        }
    }

    /// <summary>
    /// Cron in the target's IANA zone, so 09:00 stays 09:00 across daylight-saving changes. After downtime it
    /// fires once (fire-and-proceed) and <see cref="EpigraphJob"/> applies the grace window.
    /// </summary>
    public static ITrigger BuildTrigger(string target, CronSchedule schedule, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(TriggerKeyOf(target))
            .ForJob(JobKeyOf(target))
            .WithCronSchedule(schedule.QuartzExpression, cron => cron.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
}
