using System.Text;

namespace CommunityBot.Content;

/// <summary>
/// Folds text for matching: lower case, diacritics removed, typographic quotes and dashes made plain.
/// Each character folds to exactly one character, so a position in folded text is the same position
/// in the original, which is what lets search cut snippets from the original text.
/// </summary>
public static class TextFolding
{
    private const char HangulFirst = '\uAC00';
    private const char HangulLast = '\uD7A3';
    private const char LeadingJamoFirst = '\u1100';
    private const int SyllablesPerLeadingJamo = 588;

    private static readonly char[] _table = BuildTable();

    public static char Fold(char c) => _table[c];

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = _table[source[i]];
        }
    });

    /// <summary>Words of folded text: runs of letters and digits, apostrophes inside a word kept out.</summary>
    public static IEnumerable<(int Start, int Length)> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    public static List<string> Tokens(string text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        foreach (var (start, length) in Words(folded))
        {
            tokens.Add(folded.Substring(start, length));
        }
        return tokens;
    }

    /// <summary>
    /// The form in which a quote is compared with the body it claims to come from: folded, double quotation
    /// marks dropped (a quote often starts inside one pair and ends in another) and white space collapsed.
    /// </summary>
    public static string ForQuoteComparison(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in Fold(text))
        {
            if (c == '"')
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static char[] BuildTable()
    {
        var bases = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            bases[i] = (char)i;
        }
        for (var i = 0; i < CanonicalBases.Pairs.Length; i += 2)
        {
            bases[CanonicalBases.Pairs[i]] = CanonicalBases.Pairs[i + 1];
        }
        // A Hangul syllable decomposes by arithmetic (Unicode 3.12) into jamo, the leading consonant first.
        for (var syllable = HangulFirst; syllable <= HangulLast; syllable++)
        {
            bases[syllable] = (char)(LeadingJamoFirst + ((syllable - HangulFirst) / SyllablesPerLeadingJamo));
        }
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = FoldOne((char)i, bases);
        }
        return table;
    }

    private static char FoldOne(char c, char[] bases)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4':
                return '\'';
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                return '"';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                return '-';
            case '\u00A0' or '\u2007' or '\u202F':
                return ' ';
        }
        return char.ToLowerInvariant(bases[c]);
    }
}
