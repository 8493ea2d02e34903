namespace CommunityBot.Commands.Replies;

/// <summary>Nothing matched, or the request could not be understood: what happened and what to try instead.</summary>
public sealed record ProblemReply(ProblemKind Kind, string Message, IReadOnlyList<string> Suggestions) : Reply;
