namespace CommunityBot.Commands.Replies;

public enum ReferenceListKind
{
    References,
    FurtherResources,
}
