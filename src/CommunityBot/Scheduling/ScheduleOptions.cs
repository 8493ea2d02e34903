namespace CommunityBot.Scheduling;

public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>The default epigraph schedule of every target that has none of its own.</summary>
    public EpigraphScheduleOptions Epigraph { get; set; } = new();
}
