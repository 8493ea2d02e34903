using Microsoft.Extensions.Options;

namespace CommunityBot.Announcements;

/// <summary>Names every bad Feeds key at once, so one start shows every mistake.</summary>
internal sealed class AnnouncementOptionsValidator : IValidateOptions<AnnouncementOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnouncementOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i];
            var key = $"{AnnouncementOptions.FeedsSection}:{i}";
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{key}:Url must be an absolute http(s) address, e.g. https://www.rights-studio.org/journal?format=rss (was '{feed.Url}')");
            }
            else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            {
                failures.Add($"{key}:Url uses plain http://, which is allowed for loopback hosts only; use https://");
            }
            else if (options.Feeds.Take(i).Any(f => string.Equals(f.Url, feed.Url, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{key}:Url repeats an earlier feed; list each feed once");
            }
            if (feed.PollInterval < FeedOptions.MinimumPollInterval)
            {
                failures.Add($"{key}:PollInterval must be at least {FeedOptions.MinimumPollInterval:c} (was {feed.PollInterval:c}); the default is {FeedOptions.DefaultPollInterval:c}");
            }
            if (feed.Timeout < FeedOptions.MinimumTimeout || feed.Timeout > FeedOptions.MaximumTimeout)
            {
                failures.Add($"{key}:Timeout must be between {FeedOptions.MinimumTimeout:c} and {FeedOptions.MaximumTimeout:c} (was {feed.Timeout:c}); the default is {FeedOptions.DefaultTimeout:c}");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
