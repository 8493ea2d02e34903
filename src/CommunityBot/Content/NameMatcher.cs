namespace CommunityBot.Content;

/// <summary>
/// Matches what a person typed against a short name (a title or an author): every word typed must start
/// a word of the name, or be within a typo or two of one. Diacritics and case never matter.
/// </summary>
public static class NameMatcher
{
    /// <summary>0 when some typed word matches nothing; otherwise up to 1, higher for closer matches.</summary>
    public static double Score(IReadOnlyList<string> query, IReadOnlyList<string> name)
    {
        if (query.Count == 0 || name.Count == 0)
        {
            return 0;
        }
        var total = 0.0;
        foreach (var word in query)
        {
            var best = 0.0;
            foreach (var candidate in name)
            {
                best = Math.Max(best, WordScore(word, candidate));
            }
            if (best == 0)
            {
                return 0;
            }
            total += best;
        }
        // A query that names the whole of a short name beats one that names a part of a long one.
        var coverage = Math.Min(1.0, (double)query.Count / name.Count);
        return total / query.Count * (0.8 + 0.2 * coverage);
    }

    /// <summary>How alike two names are, for "did you mean" when nothing matched: 0 to 1.</summary>
    public static double Similarity(IReadOnlyList<string> query, IReadOnlyList<string> name)
    {
        if (query.Count == 0 || name.Count == 0)
        {
            return 0;
        }
        var total = 0.0;
        foreach (var word in query)
        {
            var best = 0.0;
            foreach (var candidate in name)
            {
                var longest = Math.Max(word.Length, candidate.Length);
                var distance = EditDistance.Compute(word, candidate, longest);
                best = Math.Max(best, 1.0 - (double)distance / longest);
            }
            total += best;
        }
        return total / query.Count;
    }

    private static double WordScore(string word, string candidate)
    {
        if (word == candidate)
        {
            return 1;
        }
        if (candidate.StartsWith(word, StringComparison.Ordinal) && word.Length >= 2)
        {
            return 0.9;
        }
        var tolerance = EditDistance.Tolerance(word.Length);
        if (tolerance == 0)
        {
            return 0;
        }
        if (EditDistance.Compute(word, candidate, tolerance) <= tolerance)
        {
            return 0.7;
        }
        // A typo in a word that is still being typed: compare with the start of the candidate.
        if (candidate.Length > word.Length
            && EditDistance.Compute(word, candidate.AsSpan(0, word.Length), tolerance) <= tolerance)
        {
            return 0.6;
        }
        return 0;
    }
}
