namespace CommunityBot.Content;

public sealed record Quote(string Text, string Author, string? Source);
