namespace CommunityBot.Content;

/// <summary>The in-memory view of the corpus that every command reads; immutable, replaced whole on reload.</summary>
public sealed class EssayIndex
{
    private const double SuggestionThreshold = 0.5;

    private readonly Dictionary<string, Essay> _bySlug;
    private readonly NamedEntry<Essay>[] _titles;
    private readonly NamedEntry<string>[] _authors;
    private readonly FullTextIndex _fullText;

    public EssayIndex(IEnumerable<Essay> essays)
    {
        // The journal lists its current essay without a date, so an undated essay is taken to be the newest.
        Essays = [.. essays
            .OrderByDescending(e => e.Published ?? DateOnly.MaxValue)
            .ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase)];
        _bySlug = Essays.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        _titles = [.. Essays.Select(e => new NamedEntry<Essay>(e, e.Title))];
        Quotes = [.. Essays.SelectMany(QuotesOf)];
        Epigraphs = [.. Quotes.Where(q => q.IsEpigraph)];
        Authors = [.. Quotes.Select(q => q.Quote.Author).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)];
        _authors = [.. Authors.Select(a => new NamedEntry<string>(a, a))];
        _fullText = new FullTextIndex(Essays);
    }

    public static EssayIndex Empty { get; } = new([]);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Essay> Essays { get; }

    public IReadOnlyList<QuoteEntry> Quotes { get; }

    public IReadOnlyList<QuoteEntry> Epigraphs { get; }

    public IReadOnlyList<string> Authors { get; }

    public Essay? GetBySlug(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>An essay by slug or title, typos forgiven; otherwise the closest titles as suggestions.</summary>
    public Lookup<Essay> FindEssay(string query)
    {
        var slug = string.Join('-', TextFolding.Tokens(query));
        if (_bySlug.TryGetValue(slug, out var exact))
        {
            return new Lookup<Essay>(exact, []);
        }
        var words = TextFolding.Tokens(query);
        var best = Ranked(_titles, words).FirstOrDefault();
        return best.Value is not null ? new Lookup<Essay>(best.Value, []) : new Lookup<Essay>(null, Closest(_titles, words));
    }

    /// <summary>Every quoted author the query names (all that match best), or the closest names as suggestions.</summary>
    public Lookup<IReadOnlyList<string>> FindAuthors(string query)
    {
        var words = TextFolding.Tokens(query);
        var scored = Ranked(_authors, words).ToList();
        if (scored.Count == 0)
        {
            return new Lookup<IReadOnlyList<string>>(null, Closest(_authors, words));
        }
        var top = scored[0].Score;
        return new Lookup<IReadOnlyList<string>>([.. scored.TakeWhile(a => a.Score >= top - 0.05).Select(a => a.Value)], []);
    }

    /// <summary>Quotes that satisfy every filter given; a null filter does not restrict.</summary>
    public IReadOnlyList<QuoteEntry> FindQuotes(IReadOnlyList<string>? authors, Essay? essay, string? text)
    {
        var foldedText = string.IsNullOrWhiteSpace(text) ? null : TextFolding.ForQuoteComparison(text);
        return [.. Quotes.Where(q =>
            (authors is null || authors.Contains(q.Quote.Author))
            && (essay is null || q.Essay.Slug == essay.Slug)
            && (foldedText is null || TextFolding.ForQuoteComparison(q.Quote.Text).Contains(foldedText, StringComparison.Ordinal)))];
    }

    /// <summary>Choices for autocomplete: titles that match what has been typed so far, best first.</summary>
    public IReadOnlyList<Essay> SuggestEssays(string typed, int max) => Suggest(_titles, typed, max);

    public IReadOnlyList<string> SuggestAuthors(string typed, int max) => Suggest(_authors, typed, max);

    public IReadOnlyList<SearchHit> Search(string text, int max) => _fullText.Search(text, max);

    private static IEnumerable<QuoteEntry> QuotesOf(Essay essay)
    {
        if (essay.Epigraph is { } epigraph)
        {
            yield return new QuoteEntry(epigraph, essay, IsEpigraph: true);
        }
        foreach (var quote in essay.Quotes)
        {
            yield return new QuoteEntry(quote, essay, IsEpigraph: false);
        }
    }

    private static IReadOnlyList<T> Suggest<T>(NamedEntry<T>[] entries, string typed, int max)
    {
        var words = TextFolding.Tokens(typed);
        return words.Count == 0
            ? [.. entries.Take(max).Select(e => e.Value)]
            : [.. Ranked(entries, words).Take(max).Select(e => e.Value)];
    }

    private static IEnumerable<(T Value, double Score)> Ranked<T>(NamedEntry<T>[] entries, List<string> words) =>
        entries
            .Select(e => (e.Value, Score: NameMatcher.Score(words, e.Words)))
            .Where(e => e.Score > 0)
            .OrderByDescending(e => e.Score);

    private static IReadOnlyList<string> Closest<T>(NamedEntry<T>[] entries, List<string> words) =>
        [.. entries
            .Select(e => (e.Name, Score: NameMatcher.Similarity(words, e.Words)))
            .Where(e => e.Score >= SuggestionThreshold)
            .OrderByDescending(e => e.Score)
            .Take(3)
            .Select(e => e.Name)];
}
