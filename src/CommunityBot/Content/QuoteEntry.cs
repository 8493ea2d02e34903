namespace CommunityBot.Content;

/// <summary>A quote as the index holds it: with the essay it belongs to and whether it is that essay's epigraph.</summary>
public sealed record QuoteEntry(Quote Quote, Essay Essay, bool IsEpigraph);
