namespace CommunityBot.Content;

/// <summary>The result of looking something up by name: the match, or the closest names to suggest.</summary>
public sealed record Lookup<T>(T? Value, IReadOnlyList<string> Suggestions)
    where T : class;
