using System.Globalization;
using System.Text;

namespace CommunityBot.Benchmarks;

/// <summary>
/// Writes a corpus of essays in the documented file format (front matter with epigraph, body quotes, references and
/// further resources; a Markdown body of a few hundred words). Seeded, so every run searches the same text. Words are
/// drawn with a Zipf-like skew from a vocabulary of made-up words plus a few with diacritics, like a real language.
/// </summary>
internal sealed class EssayGenerator
{
    private static readonly string[] s_syllables =
        ["ka", "lo", "mi", "ra", "te", "vu", "sen", "dor", "pal", "ish", "ne", "sto", "gri", "ban", "ul", "ze", "fo", "har", "qui", "mel", "tas", "or", "en", "ly"];
    private static readonly string[] s_accented =
        ["café", "naïve", "résumé", "façade", "señora", "über", "crème", "déjà", "élan", "coöperate", "São", "Zürich", "mañana", "Ångström", "smörgåsbord"];
    private static readonly string[] s_firstNames =
        ["Aimé", "Angela", "Frantz", "Pema", "Amin", "Viet", "Craig", "Veronica", "Miriam", "John", "Harsha", "Édouard", "Chinua", "Gloria", "Mahmoud", "Audre", "Søren", "Zoë"];
    private static readonly string[] s_lastNames =
        ["Césaire", "Davis", "Fanon", "Chödrön", "Husain", "Nguyen", "Mokhiber", "Yates", "Sugranyes", "Berger", "Walia", "Glissant", "Achebe", "Anzaldúa", "Darwish", "Lorde", "Kierkegaard", "Núñez"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public EssayGenerator(int seed, int vocabularySize)
    {
        _random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(s_accented.Select(w => w.ToLowerInvariant()));
        while (words.Count < vocabularySize)
        {
            var word = new StringBuilder();
            var syllables = 1 + _random.Next(4);
            for (var i = 0; i < syllables; i++)
                word.Append(s_syllables[_random.Next(s_syllables.Length)]);
            words.Add(word.ToString());
        }
        // Shuffled, then weighted 1/rank: a few words are everywhere, most are rare.
        _vocabulary = [.. words.OrderBy(_ => _random.Next())];
        _cumulative = new double[_vocabulary.Length];
        var total = 0.0;
        for (var i = 0; i < _vocabulary.Length; i++)
            _cumulative[i] = total += 1.0 / (i + 1);
    }

    public IReadOnlyList<string> Vocabulary => _vocabulary;

    public static IReadOnlyList<string> Names { get; } = [.. s_firstNames, .. s_lastNames];

    public string Word()
    {
        var at = Array.BinarySearch(_cumulative, _random.NextDouble() * _cumulative[^1]);
        return _vocabulary[Math.Min(at < 0 ? ~at : at, _vocabulary.Length - 1)];
    }

    public string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    public string Person() => $"{s_firstNames[_random.Next(s_firstNames.Length)]} {s_lastNames[_random.Next(s_lastNames.Length)]}";

    public int Next(int max) => _random.Next(max);

    /// <summary>Writes <paramref name="count"/> files named by slug into <paramref name="folder"/>.</summary>
    public void WriteCorpus(string folder, int count)
    {
        var start = new DateOnly(2015, 1, 1);
        for (var n = 0; n < count; n++)
        {
            var slug = $"essay-{n:D5}";
            File.WriteAllText(Path.Combine(folder, slug + ".md"), Essay(slug, Capitalize(Words(2 + _random.Next(4))), start.AddDays(n % 4000)));
        }
    }

    private string Essay(string slug, string title, DateOnly published)
    {
        var paragraphs = Enumerable.Range(0, 4 + _random.Next(5)).Select(_ => Sentences(3 + _random.Next(4))).ToList();
        var quotes = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => (Text: Sentences(1), Author: Person())).ToList();
        // Each body quote must appear in the body, so it goes into a paragraph of its own, in quotation marks.
        foreach (var quote in quotes)
            paragraphs.Insert(_random.Next(paragraphs.Count + 1), $"As {quote.Author} wrote, “{quote.Text}”");

        var text = new StringBuilder();
        text.Append("---\n");
        text.Append(CultureInfo.InvariantCulture, $"title: \"{title}\"\nslug: {slug}\npublished: {published:yyyy-MM-dd}\n");
        text.Append(CultureInfo.InvariantCulture, $"authors: [{Person()}]\n");
        text.Append(CultureInfo.InvariantCulture, $"epigraph:\n  text: \"{Sentences(1 + _random.Next(2))}\"\n  author: {Person()}\n");
        text.Append("quotes:\n");
        foreach (var quote in quotes)
            text.Append(CultureInfo.InvariantCulture, $"  - text: \"{quote.Text}\"\n    author: {quote.Author}\n");
        AppendReferences(text, "references", 1 + _random.Next(4));
        AppendReferences(text, "further_resources", _random.Next(3));
        text.Append(CultureInfo.InvariantCulture, $"tags: [{Word()}, {Word()}]\n");
        text.Append("---\n\n");
        text.Append(string.Join("\n\n", paragraphs));
        text.Append('\n');
        return text.ToString();
    }

    private void AppendReferences(StringBuilder text, string field, int count)
    {
        if (count == 0)
            return;
        text.Append(CultureInfo.InvariantCulture, $"{field}:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - title: \"{Capitalize(Words(2 + _random.Next(4)))}\"\n    who: {Person()}\n");
            if (_random.Next(2) == 0)
                text.Append(CultureInfo.InvariantCulture, $"    where: \"{Capitalize(Words(2))} Review\"\n    when: {2000 + _random.Next(26)}\n");
        }
    }

    private string Sentences(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(' ');
            text.Append(Capitalize(Words(6 + _random.Next(12)))).Append('.');
        }
        return text.ToString();
    }

    private static string Capitalize(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
