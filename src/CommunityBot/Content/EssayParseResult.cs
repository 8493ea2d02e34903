namespace CommunityBot.Content;

/// <summary>What came of reading one file: the essay when it is valid, otherwise every problem found.</summary>
/// <param name="SlugLine">The line of the slug field, 0 when the slug comes from the file name.</param>
public sealed record EssayParseResult(string Path, Essay? Essay, IReadOnlyList<ContentError> Errors, int SlugLine = 0);
