namespace CommunityBot.Content;

/// <summary>
/// Ranked full-text search over titles, quotes, references and bodies: an inverted index of folded words,
/// scored by rarity and field weight, with prefix and typo expansion of the words searched for.
/// </summary>
public sealed class FullTextIndex
{
    private const int SnippetLength = 160;
    private const double Saturation = 1.2;
    private const double PhraseBonus = 1.5;

    private readonly Essay[] _essays;
    private readonly Field[][] _fields;
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly string[] _vocabulary;

    public FullTextIndex(IReadOnlyList<Essay> essays)
    {
        _essays = [.. essays];
        _fields = [.. _essays.Select(FieldsOf)];
        var weights = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        for (var doc = 0; doc < _fields.Length; doc++)
        {
            foreach (var field in _fields[doc])
            {
                foreach (var (start, length) in TextFolding.Words(field.Folded))
                {
                    var term = field.Folded.Substring(start, length);
                    if (!weights.TryGetValue(term, out var perDoc))
                    {
                        weights[term] = perDoc = [];
                    }
                    perDoc[doc] = perDoc.GetValueOrDefault(doc) + field.Weight;
                }
            }
        }
        _postings = weights.ToDictionary(
            w => w.Key,
            w => w.Value.Select(p => new Posting(p.Key, p.Value)).ToArray(),
            StringComparer.Ordinal);
        _vocabulary = [.. _postings.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<SearchHit> Search(string text, int max)
    {
        var words = TextFolding.Tokens(text).Distinct().ToList();
        if (words.Count == 0 || _essays.Length == 0)
        {
            return [];
        }
        var scores = new Dictionary<int, (double Score, int Matched)>();
        var matchedTerms = new List<string>();
        foreach (var word in words)
        {
            var best = new Dictionary<int, double>();
            foreach (var (term, factor) in Expand(word))
            {
                matchedTerms.Add(term);
                var postings = _postings[term];
                var rarity = Math.Log(1 + (_essays.Length - postings.Length + 0.5) / (postings.Length + 0.5));
                foreach (var posting in postings)
                {
                    var score = factor * rarity * posting.Weight * (Saturation + 1) / (posting.Weight + Saturation);
                    if (score > best.GetValueOrDefault(posting.Doc))
                    {
                        best[posting.Doc] = score;
                    }
                }
            }
            foreach (var (doc, score) in best)
            {
                var current = scores.GetValueOrDefault(doc);
                scores[doc] = (current.Score + score, current.Matched + 1);
            }
        }

        var ranked = scores.Select(s => (Doc: s.Key, Score: Coverage(s.Value.Score, s.Value.Matched, words.Count))).ToList();
        if (words.Count > 1 && max > 0)
        {
            // The phrase bonus needs a scan of the essay's text, so it is only looked for where it could matter: an essay
            // whose score with the bonus stays below the max-th best score without it cannot reach the top.
            var phrase = string.Join(' ', words);
            var floor = ranked.Count > max ? ranked.Select(r => r.Score).OrderDescending().ElementAt(max - 1) : 0;
            for (var i = 0; i < ranked.Count; i++)
            {
                var (doc, score) = ranked[i];
                if (score * PhraseBonus >= floor && _fields[doc].Any(f => f.Folded.Contains(phrase, StringComparison.Ordinal)))
                {
                    ranked[i] = (doc, score * PhraseBonus);
                }
            }
        }
        return [.. ranked
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Doc)
            .Take(max)
            .Select(s => Hit(s.Doc, s.Score, matchedTerms))];
    }

    // Essays that contain every word searched for come before those that contain some.
    private static double Coverage(double score, int matched, int wanted)
    {
        var coverage = (double)matched / wanted;
        return score * coverage * coverage;
    }

    /// <summary>The indexed terms a searched word stands for: itself, words it begins, or near misses.</summary>
    private List<(string Term, double Factor)> Expand(string word)
    {
        var terms = new List<(string, double)>();
        if (_postings.ContainsKey(word))
        {
            terms.Add((word, 1.0));
        }
        if (word.Length >= 3)
        {
            var index = Array.BinarySearch(_vocabulary, word, StringComparer.Ordinal);
            for (var i = index < 0 ? ~index : index + 1; i < _vocabulary.Length && _vocabulary[i].StartsWith(word, StringComparison.Ordinal); i++)
            {
                terms.Add((_vocabulary[i], 0.8));
            }
        }
        var tolerance = EditDistance.Tolerance(word.Length);
        if (terms.Count == 0 && tolerance > 0)
        {
            foreach (var term in _vocabulary)
            {
                if (Math.Abs(term.Length - word.Length) <= tolerance && EditDistance.Compute(word, term, tolerance) <= tolerance)
                {
                    terms.Add((term, 0.6));
                }
            }
        }
        return terms;
    }

    private SearchHit Hit(int doc, double score, List<string> terms)
    {
        foreach (var field in _fields[doc].OrderBy(f => f.SnippetOrder))
        {
            if (FirstWordAt(field.Folded, terms) is var at and >= 0)
            {
                return new SearchHit(_essays[doc], score, field.Name, Snippet(field.Text, at));
            }
        }
        return new SearchHit(_essays[doc], score, "title", _essays[doc].Title);
    }

    private static int FirstWordAt(string folded, List<string> terms)
    {
        foreach (var (start, length) in TextFolding.Words(folded))
        {
            var word = folded.AsSpan(start, length);
            foreach (var term in terms)
            {
                if (word.SequenceEqual(term))
                {
                    return start;
                }
            }
        }
        return -1;
    }

    private static string Snippet(string text, int at)
    {
        if (text.Length <= SnippetLength)
        {
            return Collapse(text);
        }
        var start = Math.Max(0, at - SnippetLength / 3);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < at ? space + 1 : start;
        }
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > at ? space : end;
        }
        return (start > 0 ? "…" : "") + Collapse(text[start..end]) + (end < text.Length ? "…" : "");
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Field[] FieldsOf(Essay essay)
    {
        var fields = new List<Field> { new("title", essay.Title, 5, 3) };
        foreach (var quote in essay.Epigraph is null ? essay.Quotes : essay.Quotes.Prepend(essay.Epigraph))
        {
            fields.Add(new Field("quote", $"{quote.Text} — {quote.Author}", 3, 0));
        }
        foreach (var reference in essay.References.Concat(essay.FurtherResources))
        {
            var parts = new[] { reference.Title, reference.Who, reference.Where, reference.When };
            fields.Add(new Field("reference", string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p))), 1.5, 2));
        }
        if (essay.Authors.Count + essay.Tags.Count > 0)
        {
            fields.Add(new Field("title", string.Join(", ", essay.Authors.Concat(essay.Tags)), 2, 4));
        }
        if (essay.BodyText.Length > 0)
        {
            fields.Add(new Field("body", essay.BodyText, 1, 1));
        }
        return [.. fields];
    }

    private readonly record struct Posting(int Doc, double Weight);

    private sealed record Field(string Name, string Text, double Weight, int SnippetOrder)
    {
        public string Folded { get; } = TextFolding.Fold(Text);
    }
}
