namespace CommunityBot.Commands;

public sealed record CommandOption(string Name, string Description, CommandOptionKind Kind, bool Required = false);
