namespace CommunityBot.Scheduling;

public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>The default epigraph schedule of every target that has none of its own.</summary>
    public EpigraphScheduleOptions Epigraph { get; set; } = new();

    /// <summary>
    /// How late a post that was due while the bot was down may still go out, once, at start. Anything older is
    /// skipped: a morning epigraph posted in the evening, or a burst of them, helps nobody.
    /// </summary>
    public TimeSpan MisfireGrace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Whether the quotes from essay bodies join the epigraphs in the rotation.</summary>
    public bool IncludeBodyQuotes { get; set; }
}
