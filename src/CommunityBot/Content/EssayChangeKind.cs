namespace CommunityBot.Content;

public enum EssayChangeKind
{
    Added,
    Updated,
    Removed,
}
