using CommunityBot.Scheduling;

namespace CommunityBot.Mastodon;

public sealed class MastodonAccountOptions
{
    /// <summary>How the account is named in logs, targets ("mastodon:{Name}") and outbox rows.</summary>
    public string Name { get; set; } = "";

    /// <summary>The instance's base URL, e.g. https://mastodon.social; http:// only for loopback hosts.</summary>
    public string Instance { get; set; } = "";

    /// <summary>A secret: from Mastodon__Accounts__0__AccessToken or user-secrets, never a committed file.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>This account's epigraph schedule; Schedule:Epigraph when absent.</summary>
    public EpigraphScheduleOptions? Schedule { get; set; }

    public string Visibility { get; set; } = "public";

    public string Language { get; set; } = "en";

    public List<string> Hashtags { get; set; } = [];

    public string? ContentWarning { get; set; }

    public bool ReplyToMentions { get; set; } = true;

    /// <summary>Scheduled epigraphs carry a quote card, with the quote as its description, when Cards:Enabled is on too.</summary>
    public bool Cards { get; set; }
    /// <summary>A quote over the instance's budget goes out as a thread (the default), or shortened to one status.</summary>
    public LongQuoteStyle LongQuotes { get; set; } = LongQuoteStyle.Thread;
}
