namespace CommunityBot.Commands.Replies;

/// <summary>What a command answers, before any transport decides how it looks.</summary>
public abstract record Reply;
