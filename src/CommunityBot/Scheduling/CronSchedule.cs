using Quartz;

namespace CommunityBot.Scheduling;

/// <summary>
/// A cron schedule in an IANA time zone. Quartz's cron (with seconds) is what runs it; the common five-field
/// Unix form ("0 9 * * *") is accepted too, since that is what most people know.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo timeZone)
    {
        Text = text;
        _expression = expression;
        TimeZone = timeZone;
    }

    public string Text { get; }

    /// <summary>The expression in Quartz's own form, for triggers.</summary>
    public string QuartzExpression => _expression.CronExpressionString;

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset? NextAfter(DateTimeOffset instant) => _expression.GetNextValidTimeAfter(instant);

    /// <summary>The latest time the schedule names after <paramref name="from"/> and at or before <paramref name="until"/>.</summary>
    public DateTimeOffset? LatestBetween(DateTimeOffset from, DateTimeOffset until)
    {
        DateTimeOffset? latest = null;
        for (var next = NextAfter(from); next is { } due && due <= until; next = NextAfter(due))
        {
            latest = due;
        }
        return latest;
    }

    /// <summary>The schedule, or why not, in words that name the problem and show an example.</summary>
    public static bool TryParse(string cron, string timeZone, out CronSchedule? schedule, out string? problem)
    {
        schedule = null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            problem = $"unknown time zone '{timeZone}': use an IANA name such as Europe/Berlin or America/New_York";
            return false;
        }
        var format = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5 ? CronFormat.Unix : CronFormat.Quartz;
        if (!CronExpression.TryParse(cron.Trim(), format, out var parsed) || parsed is null)
        {
            problem = $"'{cron}' is not a cron expression; expected e.g. '0 9 * * *' (09:00 daily) or '0 0 9 ? * MON' (Quartz form, Mondays 09:00)";
            return false;
        }
        var expression = parsed.WithTimeZone(zone);
        if (expression.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null)
        {
            problem = $"'{cron}' never fires again";
            return false;
        }
        schedule = new CronSchedule(cron, expression, zone);
        problem = null;
        return true;
    }

    public static CronSchedule Parse(string cron, string timeZone) =>
        TryParse(cron, timeZone, out var schedule, out var problem) ? schedule! : throw new FormatException(problem);

    /// <summary>A daily time, "HH:mm", as a schedule.</summary>
    public static string DailyAt(TimeOnly time) => $"0 {time.Minute} {time.Hour} * * ?";
}
