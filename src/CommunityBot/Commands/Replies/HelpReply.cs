namespace CommunityBot.Commands.Replies;

public sealed record HelpReply(IReadOnlyList<CommandDefinition> Commands) : Reply;
