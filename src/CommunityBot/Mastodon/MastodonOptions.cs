using System.ComponentModel.DataAnnotations;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Configuration;

namespace CommunityBot.Mastodon;

/// <summary>The Mastodon section; its check names every bad key, so one start shows every mistake at once.</summary>
public sealed class MastodonOptions : IValidatableObject
{
    public const string Section = "Mastodon";

    private static readonly string[] _visibilities = [MastodonVisibility.Public, MastodonVisibility.Unlisted, MastodonVisibility.Private, MastodonVisibility.Direct];

    public List<MastodonAccountOptions> Accounts { get; set; } = [];

    /// <summary>How often mentions are looked for (stretched when the instance's paging limit asks for more).</summary>
    public TimeSpan MentionPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether mentions arrive through the instance's streaming API (answered within seconds) rather than only by
    /// polling; polling takes over whenever the stream is down, and for good when the instance has none.
    /// </summary>
    public bool Streaming { get; set; } = true;

    /// <summary>Replies one person can get in an hour; more mentions are logged and left unanswered.</summary>
    public int RepliesPerPersonPerHour { get; set; } = 5;

    /// <summary>Replies each account sends in an hour, to everyone together; more mentions are logged and left unanswered.</summary>
    public int RepliesPerHour { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Accounts.Count; i++)
        {
            var account = Accounts[i];
            var key = $"Mastodon:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(account.Name))
            {
                yield return new ValidationResult($"{key}:Name is required; expected a short name for the account, e.g. main");
            }
            else if (!account.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                // The name ends the account's target key (mastodon:{Name}); a ':' in it would read as another target.
                yield return OptionChecks.Problem($"{key}:Name", account.Name, "is not a short name; expected letters, digits, '-' and '_' only, e.g. main");
            }
            else if (Accounts.Take(i).Any(a => a.Name == account.Name))
            {
                yield return OptionChecks.Problem($"{key}:Name", account.Name, "is used by an earlier account; expected a name of its own");
            }
            foreach (var problem in OptionChecks.ServerAddress($"{key}:Instance", account.Instance, "https://mastodon.social"))
            {
                yield return problem;
            }
            if (string.IsNullOrWhiteSpace(account.AccessToken))
            {
                yield return new ValidationResult($"{key}:AccessToken is required; expected the account's token in the environment variable Mastodon__Accounts__{i}__AccessToken or a user secret");
            }
            if (!_visibilities.Contains(account.Visibility))
            {
                yield return OptionChecks.Problem($"{key}:Visibility", account.Visibility, $"is not a visibility; expected one of {string.Join(", ", _visibilities)}");
            }
            foreach (var problem in account.Schedule?.Check($"{key}:Schedule") ?? [])
            {
                yield return problem;
            }
        }
        var limits = OptionChecks.Between("Mastodon:MentionPollInterval", MentionPollInterval, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1))
            .Concat(OptionChecks.Between("Mastodon:RepliesPerPersonPerHour", RepliesPerPersonPerHour, 1, 10_000, 5))
            .Concat(OptionChecks.Between("Mastodon:RepliesPerHour", RepliesPerHour, 1, 100_000, 60));
        foreach (var problem in limits)
        {
            yield return problem;
        }
    }
}
