using CommunityBot.Clients.Mastodon;
using CommunityBot.Content;
using CommunityBot.Mastodon;

namespace CommunityBot.Tests.Mastodon;

/// <summary>How a text over the budget is split into a thread, counted as the server counts.</summary>
public sealed class MastodonThreadComposerTests
{
    private static readonly StatusBudget _budget = new(200, 23);

    private static QuoteEntry Epigraph(string text)
    {
        var quote = new Quote(text, "Ada Threadwell", null);
        var essay = new Essay("patience", "Patience", null, [], [], new Uri("https://www.rights-studio.org/journal/patience"), quote, [], [], [], [], "", "", "test");
        return new QuoteEntry(quote, essay, IsEpigraph: true);
    }

    private static string Sentences(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"Sentence {i} keeps its words whole."));

    [Fact]
    public void EpigraphParts_OverTheBudget_AreNumbered_WithinTheBudget_CutAtSentences_WithTheTailAndHashtagsOnceAtTheEnd()
    {
        var account = new MastodonAccountOptions { Name = "main", Hashtags = ["journal"], ContentWarning = "quote" };

        var parts = MastodonStatusComposer.EpigraphParts(Epigraph(Sentences(12)), account, _budget);

        Assert.InRange(parts.Count, 3, 5);
        Assert.All(parts, p => Assert.InRange(MastodonTextCounter.Count(p, account.ContentWarning, _budget.CharactersReservedPerUrl), 1, _budget.MaxCharacters));
        Assert.Equal(parts.Select((_, i) => $"{i + 1}/{parts.Count} "), parts.Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)] + " "));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith(".", p, StringComparison.Ordinal));
        Assert.Single(parts, p => p.Contains("#journal", StringComparison.Ordinal));
        Assert.Single(parts, p => p.Contains("— Ada Threadwell", StringComparison.Ordinal));
        Assert.Contains("https://www.rights-studio.org/journal/patience", parts[^1], StringComparison.Ordinal);
        Assert.StartsWith($"1/{parts.Count} “Sentence 1", parts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EpigraphParts_Shorten_IsOneStatusWithAnEllipsis()
    {
        var account = new MastodonAccountOptions { Name = "main", LongQuotes = LongQuoteStyle.Shorten };

        var status = Assert.Single(MastodonStatusComposer.EpigraphParts(Epigraph(Sentences(12)), account, _budget));

        Assert.Contains("…", status, StringComparison.Ordinal);
        Assert.InRange(MastodonTextCounter.Count(status, null), 1, _budget.MaxCharacters);
    }

    [Fact]
    public void EpigraphParts_ThatFit_AreOneStatusAsBefore()
    {
        var account = new MastodonAccountOptions { Name = "main" };
        var entry = Epigraph("Short and whole.");

        Assert.Equal([MastodonStatusComposer.Epigraph(entry, account, _budget)], MastodonStatusComposer.EpigraphParts(entry, account, _budget));
    }

    [Fact]
    public void EpigraphParts_LinksAndRemoteHandles_CountAsTheServerCountsThem()
    {
        // Each link counts 23 however long, so more of them fit a part than their letters would allow.
        var link = "https://example.org/" + new string('a', 120);
        var text = string.Join(' ', Enumerable.Range(1, 8).Select(i => $"See {link} and @someone@a-very-long-instance-name.example now."));
        var account = new MastodonAccountOptions { Name = "main" };

        var parts = MastodonStatusComposer.EpigraphParts(Epigraph(text), account, _budget);

        Assert.All(parts, p => Assert.InRange(MastodonTextCounter.Count(p, null), 1, _budget.MaxCharacters));
        Assert.Contains(parts, p => p.Length > _budget.MaxCharacters);
    }

    [Fact]
    public void EpigraphParts_TooLongForFiveParts_AreFiveWithAnEllipsis()
    {
        var parts = MastodonStatusComposer.EpigraphParts(Epigraph(Sentences(80)), new MastodonAccountOptions { Name = "main" }, _budget);

        Assert.Equal(MastodonStatusComposer.MaxThreadParts, parts.Count);
        Assert.Contains("…", parts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyParts_EveryPartIsAddressedToTheAskerAlone()
    {
        var parts = MastodonStatusComposer.ReplyParts("asker@x.example", Sentences(12), new MastodonAccountOptions { Name = "main" }, _budget);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.StartsWith("@asker@x.example ", p, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.InRange(MastodonTextCounter.Count(p, null), 1, _budget.MaxCharacters));
    }
}
