namespace CommunityBot.Scheduling;

public sealed class EpigraphScheduleOptions
{
    /// <summary>Five-field cron ("0 9 * * *") or Quartz cron with seconds ("0 0 9 * * ?").</summary>
    public string Cron { get; set; } = "0 9 * * *";

    /// <summary>IANA time zone the cron is read in; daylight-saving changes keep the wall-clock time.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    public CronSchedule ToSchedule() => CronSchedule.Parse(Cron, TimeZone);
}
