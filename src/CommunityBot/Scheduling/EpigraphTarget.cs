namespace CommunityBot.Scheduling;

/// <summary>A place that gets scheduled epigraphs ("console", "discord:{guild}:{channel}", "mastodon:{account}") and when.</summary>
public sealed record EpigraphTarget(string Key, CronSchedule Schedule);
