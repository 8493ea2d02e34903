namespace CommunityBot.Scheduling;

/// <summary>One persistent Quartz trigger per target; replacing it takes effect at once and survives restarts.</summary>
public interface IEpigraphScheduler
{
    Task ScheduleAsync(string target, CronSchedule schedule, CancellationToken cancellationToken);

    Task UnscheduleAsync(string target, CancellationToken cancellationToken);

    Task<DateTimeOffset?> NextFireAsync(string target, CancellationToken cancellationToken);
}
