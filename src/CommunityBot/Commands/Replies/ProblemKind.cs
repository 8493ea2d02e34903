namespace CommunityBot.Commands.Replies;

public enum ProblemKind
{
    NotFound,
    InvalidInput,
}
