using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Scheduling;

public sealed class EpigraphScheduleOptions
{
    /// <summary>Five-field cron ("0 9 * * *") or Quartz cron with seconds ("0 0 9 * * ?").</summary>
    public string Cron { get; set; } = "0 9 * * *";

    /// <summary>IANA time zone the cron is read in; daylight-saving changes keep the wall-clock time.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    public CronSchedule ToSchedule() => CronSchedule.Parse(Cron, TimeZone);

    /// <summary>What is wrong with the schedule configured under <paramref name="key"/>, each problem naming its key.</summary>
    public IEnumerable<ValidationResult> Check(string key)
    {
        var zoneKnown = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
        if (!zoneKnown)
        {
            yield return OptionChecks.Problem($"{key}:TimeZone", TimeZone, "is not a time zone; expected an IANA name such as Europe/Berlin or America/New_York");
        }
        // Read in UTC when the zone is unknown, so that a bad cron is reported too, in the same start.
        if (!CronSchedule.TryParse(Cron, zoneKnown ? TimeZone : "UTC", out _, out var problem))
        {
            yield return new ValidationResult($"{key}:Cron: {problem}");
        }
    }
}
