namespace CommunityBot.History;

/// <summary>What a target gets: one channel or account may get both.</summary>
[Flags]
public enum TargetUse
{
    None = 0,
    Epigraphs = 1,
    Announcements = 2,
}
