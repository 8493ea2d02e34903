using CommunityBot.Commands.Replies;

namespace CommunityBot.Commands;

/// <summary>Either a request to execute, or the reason the text was not one.</summary>
public sealed record ParsedCommand(CommandRequest? Request, ProblemReply? Problem);
