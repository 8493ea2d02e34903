using CommunityBot.Content;

namespace CommunityBot.Scheduling;

/// <summary>
/// What a rotation draws from, under keys that stay the same across restarts and reloads: "{slug}#epigraph" for an
/// essay's epigraph, "{slug}#{n}" for its n-th body quote.
/// </summary>
public static class EpigraphPool
{
    public static IReadOnlyDictionary<string, QuoteEntry> Build(EssayIndex index, bool includeBodyQuotes)
    {
        var pool = new Dictionary<string, QuoteEntry>(StringComparer.Ordinal);
        foreach (var essay in index.Essays)
        {
            if (essay.Epigraph is { } epigraph)
            {
                pool[$"{essay.Slug}#epigraph"] = new QuoteEntry(epigraph, essay, IsEpigraph: true);
            }
            if (!includeBodyQuotes)
            {
                continue;
            }
            for (var i = 0; i < essay.Quotes.Count; i++)
            {
                pool[$"{essay.Slug}#{i + 1}"] = new QuoteEntry(essay.Quotes[i], essay, IsEpigraph: false);
            }
        }
        return pool;
    }
}
