using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Announcements;

/// <summary>The configured feeds; the essays folder is always a source and needs no configuration.</summary>
public sealed class AnnouncementOptions : IValidatableObject
{
    public const string FeedsSection = "Feeds";

    public List<FeedOptions> Feeds { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Feeds.Count; i++)
        {
            var feed = Feeds[i];
            var key = $"{FeedsSection}:{i}";
            var problems = OptionChecks.ServerAddress($"{key}:Url", feed.Url, "https://www.rights-studio.org/journal?format=rss")
                .Concat(OptionChecks.Between($"{key}:PollInterval", feed.PollInterval, FeedOptions.MinimumPollInterval, TimeSpan.FromDays(7), FeedOptions.DefaultPollInterval))
                .Concat(OptionChecks.Between($"{key}:Timeout", feed.Timeout, FeedOptions.MinimumTimeout, FeedOptions.MaximumTimeout, FeedOptions.DefaultTimeout));
            foreach (var problem in problems)
            {
                yield return problem;
            }
            if (Feeds.Take(i).Any(f => string.Equals(f.Url, feed.Url, StringComparison.OrdinalIgnoreCase)))
            {
                yield return OptionChecks.Problem($"{key}:Url", feed.Url, "repeats an earlier feed; expected each feed once");
            }
        }
    }
}
