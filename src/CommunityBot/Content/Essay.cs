namespace CommunityBot.Content;

/// <summary>One essay of the journal. Anything the source does not show is null or empty, never invented.</summary>
public sealed record Essay(
    string Slug,
    string Title,
    DateOnly? Published,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Illustrators,
    Uri? Url,
    Quote? Epigraph,
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<Reference> References,
    IReadOnlyList<Reference> FurtherResources,
    IReadOnlyList<string> Tags,
    string Body,
    string BodyText,
    string SourcePath)
{
    public bool HasBody => Body.Length > 0;
}
