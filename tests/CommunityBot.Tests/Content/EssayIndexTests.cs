using CommunityBot.Content;

namespace CommunityBot.Tests.Content;

public class EssayIndexTests
{
    private static readonly EssayIndex _index = new(CorpusLoader.Load(RepositoryPaths.SeedEssays).Essays);

    [Theory]
    [InlineData("cesaire", "Aimé Césaire")]
    [InlineData("CÉSAIRE", "Aimé Césaire")]
    [InlineData("camus", "Albert Camus")]
    [InlineData("arendt", "Hannah Arendt")]
    [InlineData("angela", "Angela Davis")]
    [InlineData("husian", "Amin Husain")]
    public void FindAuthors_IgnoresCaseDiacriticsAndTypos(string query, string author)
    {
        Assert.Equal([author], _index.FindAuthors(query).Value);
    }

    [Fact]
    public void FindAuthors_Unknown_SuggestsTheClosest()
    {
        var lookup = _index.FindAuthors("craig mokhibar jones");

        Assert.Null(lookup.Value);
        Assert.Contains("Craig Mokhiber", lookup.Suggestions);
    }

    [Fact]
    public void Search_FindsDiacriticNamesInReferences()
    {
        var hit = Assert.Single(_index.Search("chodron", 5));

        Assert.Equal("expansive-solidarity", hit.Essay.Slug);
        Assert.Equal("reference", hit.Field);
        Assert.Contains("Pema Chödrön", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expansive-solidarity")]
    [InlineData("Expansive Solidarity")]
    [InlineData("expansve solidarty")]
    [InlineData("expansive")]
    [InlineData("EXPANSIVE   solidarity!")]
    public void FindEssay_BySlugTitleOrTypo(string query)
    {
        Assert.Equal("expansive-solidarity", _index.FindEssay(query).Value?.Slug);
    }

    [Fact]
    public void FindEssay_NothingClose_SuggestsTitles()
    {
        var lookup = _index.FindEssay("poetic resistence movement");

        Assert.Null(lookup.Value);
        Assert.Equal("Poetic Resistance", lookup.Suggestions[0]);
    }

    [Fact]
    public void Search_RanksTitleAboveBodyAndCutsSnippetsAroundTheWord()
    {
        var hits = _index.Search("resistance", 5);

        Assert.Equal(3, hits.Count);
        Assert.Equal(["extending-resistance", "poetic-resistance"], hits.Take(2).Select(h => h.Essay.Slug).Order());
        Assert.Equal("expansive-solidarity", hits[2].Essay.Slug);
        Assert.Contains("resistance", hits[2].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.True(hits[2].Snippet.Length <= 170, hits[2].Snippet);
    }

    [Fact]
    public void Search_EssaysWithEveryWordComeFirst()
    {
        var hits = _index.Search("rebel exist camus", 5);

        Assert.Equal("sites-of-protest", hits[0].Essay.Slug);
        Assert.Equal("to-be-maladjusted", hits[1].Essay.Slug);
    }

    [Fact]
    public void Search_ForgivesATypo()
    {
        Assert.Equal("expansive-solidarity", _index.Search("capacous grief", 5)[0].Essay.Slug);
    }

    [Fact]
    public void Search_Nothing_IsEmpty()
    {
        Assert.Empty(_index.Search("xylophone", 5));
        Assert.Empty(_index.Search("  ", 5));
    }

    [Fact]
    public void Essays_NewestFirst_UndatedTakenAsNewest()
    {
        Assert.Equal("expansive-solidarity", _index.Essays[0].Slug);
        var dated = _index.Essays.Skip(1).Select(e => e.Published!.Value).ToList();
        Assert.Equal(dated.OrderDescending(), dated);
    }

    [Fact]
    public void SuggestEssays_ForAutocomplete_MatchesPrefixes()
    {
        Assert.Equal(["Expansive Solidarity", "Extending Resistance"], _index.SuggestEssays("ex", 25).Select(e => e.Title).Order());
        Assert.Equal(7, _index.SuggestEssays("", 25).Count);
        Assert.Equal(2, _index.SuggestEssays("", 2).Count);
    }

    [Fact]
    public void FindQuotes_ByTextAcrossTypography()
    {
        var quote = Assert.Single(_index.FindQuotes(null, null, "I'll meet you there"));

        Assert.Equal("Rumi", quote.Quote.Author);
        Assert.True(quote.IsEpigraph);
    }
}
