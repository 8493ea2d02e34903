namespace CommunityBot.Mastodon;

public sealed class MastodonOptions
{
    public const string Section = "Mastodon";

    public List<MastodonAccountOptions> Accounts { get; set; } = [];

    /// <summary>How often mentions are looked for (stretched when the instance's paging limit asks for more).</summary>
    public TimeSpan MentionPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Replies one person can get in an hour; more mentions are logged and left unanswered.</summary>
    public int RepliesPerPersonPerHour { get; set; } = 5;

    /// <summary>Replies each account sends in an hour, to everyone together; more mentions are logged and left unanswered.</summary>
    public int RepliesPerHour { get; set; } = 60;
}
