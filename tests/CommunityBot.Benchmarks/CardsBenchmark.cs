using System.Diagnostics;
using System.Text.Json;
using CommunityBot.Cards;
using CommunityBot.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Benchmarks;

/// <summary>
/// Quote cards rendered the way a delivery renders them (CardRenderer.Render: layout, draw, PNG encode), for both sizes
/// in both themes: every epigraph of the seed corpus and a 1,000-character quote, each rendered --rounds times after a
/// warm-up, against the issue's aim of well under a second a card.
/// </summary>
internal static class CardsBenchmark
{
    private const double AimMs = 1000;
    private const int WarmupRenders = 5;
    private const string Journal = "The Rights Studio Journal";

    public static int Run(CardsOptions options, string repository)
    {
        var fontFile = options.FontFile ?? CardFonts.FindSerif(CardFonts.SystemRoots);
        if (fontFile is null || CardRenderer.FromFile(fontFile) is not { } renderer)
        {
            System.Console.Error.WriteLine($"no usable serif face ({fontFile ?? "none found under " + string.Join(", ", CardFonts.SystemRoots)}); install fonts-dejavu-core or pass --font");
            return 1;
        }
        using var _ = renderer;
        var seed = Path.Combine(repository, "tests", "CommunityBot.Tests", "Fixtures", "essays");
        var store = new ContentStore(Options.Create(new ContentOptions { Path = seed }), NullLogger<ContentStore>.Instance);
        var epigraphs = store.Index.Epigraphs;
        var longest = epigraphs.MaxBy(e => e.Quote.Text.Length)!;
        var quotes = epigraphs.Select(e => QuoteCard.For(e, Journal, CardTheme.Light, CardShape.Landscape))
            .Append(QuoteCard.For(longest, Journal, CardTheme.Light, CardShape.Landscape) with { Quote = LongQuote(longest.Quote.Text) })
            .ToList();

        System.Console.WriteLine($"cards in {fontFile}: {quotes.Count} quotes ({epigraphs.Count} seed epigraphs and one of {quotes[^1].Quote.Length} characters), {options.Rounds} rounds each");
        var results = new List<Dictionary<string, object>>();
        foreach (var shape in new[] { CardShape.Landscape, CardShape.Square })
        {
            foreach (var theme in new[] { CardTheme.Light, CardTheme.Dark })
            {
                var cards = quotes.Select(q => q with { Theme = theme, Shape = shape }).ToList();
                foreach (var card in cards.Take(WarmupRenders))
                    renderer.Render(card);
                var times = new List<double>(cards.Count * options.Rounds);
                long bytes = 0;
                for (var round = 0; round < options.Rounds; round++)
                {
                    foreach (var card in cards)
                    {
                        var at = Stopwatch.GetTimestamp();
                        bytes += renderer.Render(card).Length;
                        times.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                    }
                }
                var sorted = times.Order().ToArray();
                var (width, height) = CardRenderer.Size(shape);
                var (p50, p99, max) = (CorpusBenchmark.Percentile(sorted, 0.5), CorpusBenchmark.Percentile(sorted, 0.99), sorted[^1]);
                System.Console.WriteLine($"  {width}x{height} {theme,-5}: p50 {p50:F1} ms, p99 {p99:F1} ms, max {max:F1} ms = {max / AimMs:F3}x the aim of {AimMs:F0} ms; {bytes / times.Count / 1024.0:F0} KB a card");
                results.Add(new Dictionary<string, object>
                {
                    ["size"] = $"{width}x{height}",
                    ["theme"] = theme.ToString(),
                    ["renders"] = times.Count,
                    ["p50_ms"] = Math.Round(p50, 2),
                    ["p99_ms"] = Math.Round(p99, 2),
                    ["max_ms"] = Math.Round(max, 2),
                    ["png_kb"] = Math.Round(bytes / times.Count / 1024.0, 1),
                });
            }
        }
        System.Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["mode"] = "cards", ["font"] = fontFile, ["results"] = results }));
        return 0;
    }

    // Words of the longest epigraph repeated to 1,000 characters: a quote far past where the card starts to shrink it.
    private static string LongQuote(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var built = new System.Text.StringBuilder();
        for (var i = 0; built.Length < 1000; i++)
            built.Append(words[i % words.Length]).Append(' ');
        return built.ToString(0, 1000).TrimEnd();
    }
}
