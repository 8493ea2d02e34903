using CommunityBot.Clients.Mastodon;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

/// <summary>Checks every account and names each bad key, so one start shows every mistake at once.</summary>
internal sealed class MastodonOptionsValidator : IValidateOptions<MastodonOptions>
{
    private static readonly string[] _visibilities = [MastodonVisibility.Public, MastodonVisibility.Unlisted, MastodonVisibility.Private, MastodonVisibility.Direct];

    public ValidateOptionsResult Validate(string? name, MastodonOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var key = $"Mastodon:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(account.Name))
            {
                failures.Add($"{key}:Name is required: a short name for the account, e.g. main");
            }
            else if (options.Accounts.Take(i).Any(a => a.Name == account.Name))
            {
                failures.Add($"{key}:Name '{account.Name}' is used by an earlier account; names must differ");
            }
            if (!Uri.TryCreate(account.Instance, UriKind.Absolute, out _))
            {
                failures.Add($"{key}:Instance must be the instance's address, e.g. https://mastodon.social");
            }
            if (string.IsNullOrWhiteSpace(account.AccessToken))
            {
                failures.Add($"{key}:AccessToken is required (set Mastodon__Accounts__{i}__AccessToken or use user-secrets)");
            }
            if (!_visibilities.Contains(account.Visibility))
            {
                failures.Add($"{key}:Visibility must be one of {string.Join(", ", _visibilities)}");
            }
            if (account.Schedule is { } schedule && !CronSchedule.TryParse(schedule.Cron, schedule.TimeZone, out _, out var problem))
            {
                failures.Add($"{key}:Schedule: {problem}");
            }
        }
        if (options.MentionPollInterval < TimeSpan.FromSeconds(10))
        {
            failures.Add("Mastodon:MentionPollInterval must be at least 00:00:10");
        }
        if (options.RepliesPerPersonPerHour < 1)
        {
            failures.Add("Mastodon:RepliesPerPersonPerHour must be at least 1");
        }
        if (options.RepliesPerHour < 1)
        {
            failures.Add("Mastodon:RepliesPerHour must be at least 1");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
