namespace CommunityBot.Content;

public sealed record Corpus(IReadOnlyList<Essay> Essays, IReadOnlyList<ContentError> Errors);
