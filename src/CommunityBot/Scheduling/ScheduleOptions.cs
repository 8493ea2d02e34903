using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Scheduling;

public sealed class ScheduleOptions : IValidatableObject
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in Epigraph.Check("Schedule:Epigraph"))
        {
            yield return problem;
        }
        // Under a minute, a trigger that fires a few milliseconds after its slot would count as a missed post.
        foreach (var problem in OptionChecks.Between("Schedule:MisfireGrace", MisfireGrace, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7), TimeSpan.FromHours(6)))
        {
            yield return problem;
        }
    }
}
