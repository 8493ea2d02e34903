using CommunityBot.Content;

namespace CommunityBot.Tests.Content;

public class EssayFileParserTests
{
    private const string Path = "data/essays/broken.md";

    private static ContentError SingleError(string content)
    {
        var result = EssayFileParser.Parse(Path, content);
        Assert.Null(result.Essay);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Path, error.File);
        return error;
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var result = EssayFileParser.Parse(Path, """
            ---
            title: A Title
            slug: a-title
            published: 2024-07-19
            authors: [Veronica Yates]
            illustrators: Miriam Sugranyes
            url: https://www.rights-studio.org/journal/a-title
            epigraph:
              text: "I rebel, therefore we exist."
              author: Albert Camus
              source: The Rebel
            quotes:
              - text: “we cannot go on as usual”
                author: Angela Davis
            references:
              - title: Freedom is a Constant Struggle
                who: Angela Davis
                url: https://example.org/book
            further_resources:
              - title: The Wretched of the Earth
                who: Frantz Fanon
                note: Read it.
            tags: [solidarity]
            ---
            She says "we cannot go
            on as usual," and she is right.
            """);

        Assert.Empty(result.Errors);
        var essay = Assert.IsType<Essay>(result.Essay);
        Assert.Equal("a-title", essay.Slug);
        Assert.Equal(new DateOnly(2024, 7, 19), essay.Published);
        Assert.Equal(["Veronica Yates"], essay.Authors);
        Assert.Equal(["Miriam Sugranyes"], essay.Illustrators);
        Assert.Equal(new Quote("I rebel, therefore we exist.", "Albert Camus", "The Rebel"), essay.Epigraph);
        Assert.Equal("Angela Davis", Assert.Single(essay.Quotes).Author);
        Assert.Equal(new Uri("https://example.org/book"), Assert.Single(essay.References).Url);
        Assert.Equal("Read it.", Assert.Single(essay.FurtherResources).Note);
        Assert.Equal(["solidarity"], essay.Tags);
        Assert.Contains("she is right", essay.BodyText, StringComparison.Ordinal);
        Assert.Equal(3, result.SlugLine);
    }

    [Fact]
    public void Parse_UnknownFacts_AreLeftOut()
    {
        var result = EssayFileParser.Parse("data/essays/only-an-epigraph.md", """
            ---
            title: Only an Epigraph
            published: 2025-10-17
            epigraph:
              text: "Out beyond ideas of wrongdoing and rightdoing, there is a field."
              author: Rumi
            ---
            """);

        var essay = Assert.IsType<Essay>(result.Essay);
        Assert.Equal("only-an-epigraph", essay.Slug);
        Assert.Null(essay.Url);
        Assert.False(essay.HasBody);
        Assert.Empty(essay.Authors);
        Assert.Empty(essay.References);
    }

    [Fact]
    public void Parse_MissingTitle_NamesLineAndField()
    {
        var error = SingleError("---\nslug: no-title\n---\n");
        Assert.Equal("title", error.Field);
        Assert.Equal(2, error.Line);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyTitle_NamesLineAndField()
    {
        var error = SingleError("---\nslug: empty-title\ntitle: \"  \"\n---\n");
        Assert.Equal(("title", 3), (error.Field, error.Line));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnparseableDate_ShowsTheExpectedForm()
    {
        var error = SingleError("---\ntitle: T\npublished: 1st of April\n---\n");
        Assert.Equal(("published", 3), (error.Field, error.Line));
        Assert.Contains("YYYY-MM-DD", error.Message, StringComparison.Ordinal);
        Assert.Contains("1st of April", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EpigraphWithoutAuthor_NamesTheNestedField()
    {
        var error = SingleError("---\ntitle: T\nepigraph:\n  text: Words.\n---\n");
        Assert.Equal(("epigraph.author", 4), (error.Field, error.Line));
    }

    [Fact]
    public void Parse_UnknownField_ListsTheKnownOnes()
    {
        var error = SingleError("---\ntitle: T\nsubtitle: oops\n---\n");
        Assert.Equal(("subtitle", 3), (error.Field, error.Line));
        Assert.Contains("unknown field", error.Message, StringComparison.Ordinal);
        Assert.Contains("further_resources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenYaml_NamesTheLine()
    {
        var error = SingleError("---\ntitle: T\nepigraph: [unclosed\nslug: x\n---\n");
        Assert.Equal("front matter", error.Field);
        Assert.Equal(3, error.Line);
        Assert.Contains("broken YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: X\nepigraph:\n  text: hi\nauthors: [a, b\n---\nbody\n", 5, '[')]
    [InlineData("---\ntitle: X\nepigraph: {text: hi, author: me\ntags: [a]\n---\nbody\n", 3, '{')]
    public void Parse_UnclosedBracket_IsReportedOnTheLineItOpens(string content, int line, char bracket)
    {
        var error = SingleError(content);

        Assert.Equal(("front matter", line), (error.Field, error.Line));
        Assert.Contains($"the '{bracket}' opened on this line is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingAuthor_IsSaidInPlainEnglish()
    {
        var error = SingleError("---\ntitle: Y\nepigraph:\n  text: hi\n---\nbody\n");

        Assert.Equal(("epigraph.author", "missing: every epigraph needs an author"), (error.Field, error.Message));
    }

    [Fact]
    public void Parse_BodyQuoteNotInBody_NamesTheQuote()
    {
        var error = SingleError("---\ntitle: T\nquotes:\n  - text: Words never written.\n    author: Someone\n---\nOther words.\n");
        Assert.Equal(("quotes[0].text", 4), (error.Field, error.Line));
        Assert.Contains("Words never written.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BodyQuote_MatchesAcrossTypographyAndElisions()
    {
        var result = EssayFileParser.Parse(Path, """
            ---
            title: T
            quotes:
              - text: "it's not about what we do, … it's about how we think"
                author: Amin Husain
            ---
            But, he insists, “it’s not about what we do,” he says, “it’s   about
            how we think.”
            """);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_NoFrontMatter_SaysWhatIsExpected()
    {
        var error = SingleError("# Just Markdown\n");
        Assert.Equal(("front matter", 1), (error.Field, error.Line));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var result = EssayFileParser.Parse(Path, "---\npublished: soon\ncolour: red\nepigraph:\n  text: x\n---\n");

        Assert.Equal(["colour", "epigraph.author", "published", "title"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("---\ntitle: T\nepigraph: &e\n  text: a\n  author: b\n---\n", 3, "anchor '&e'")]
    [InlineData("---\ntitle: T\ntags: [a]\nauthors: *t\n---\n", 4, "alias '*t'")]
    [InlineData("---\ntitle: T\n? title\n: again\n---\n", 3, "complex key ('? …') refused")]
    [InlineData("---\ntitle: T\ntags: [\"&not\", '*not', a&b]\n? [a]\n: b\n---\n", 4, "complex key")]
    public void Parse_AnchorAliasOrComplexKey_IsRefusedWithItsLine(string content, int line, string reason)
    {
        var error = SingleError(content);

        Assert.Equal((line, "front matter"), (error.Line, error.Field));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BlockFrontMatterNestedPastTheCap_IsRefusedAtTheLineThatGoesTooDeep()
    {
        var nested = string.Concat(Enumerable.Range(0, FrontMatterScan.MaxDepth + 5).Select(i => new string(' ', 2 * i) + "- a:\n"));

        var error = SingleError("---\ntitle: T\nx:\n" + nested + "---\n");

        Assert.Equal("front matter", error.Field);
        Assert.InRange(error.Line, 4 + (FrontMatterScan.MaxDepth / 2) - 2, 4 + FrontMatterScan.MaxDepth);
        Assert.Contains($"nested more than {FrontMatterScan.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">", "nested more than 32 levels")]
    [InlineData("> - ", "nested more than 32 levels")]
    [InlineData("1. ", "nested more than 32 levels")]
    [InlineData("[", "'[' open at once")]
    public void Parse_BodyNestedPastTheCap_IsRefusedWithTheFileLine(string opener, string reason)
    {
        var body = "Plain first line.\n\n" + string.Concat(Enumerable.Repeat(opener, 1_000)) + "x\n";

        var error = SingleError("---\ntitle: T\n---\n" + body);

        Assert.Equal((6, "body"), (error.Line, error.Field));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BodyListNestedByIndentation_IsRefusedBeforeMarkdigSpendsSecondsOnIt()
    {
        var body = string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "- item\n"));

        var error = SingleError("---\ntitle: T\n---\n" + body);

        Assert.Equal((4 + MarkdownScan.MaxDepth, "body"), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_NestingTheScanAllows_ButMarkdigRefuses_IsABodyErrorNotAnException()
    {
        var emphasis = string.Concat(Enumerable.Repeat("*a ", 1_000)) + "b" + string.Concat(Enumerable.Repeat(" a*", 1_000));

        var error = SingleError("---\ntitle: T\n---\n" + emphasis + "\n");

        Assert.Equal("body", error.Field);
        Assert.Contains("Markdig cannot read it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ABodyIndentedFarWithoutMarkers_AsAPoemOrCodeIs_IsAccepted()
    {
        var poem = string.Join("\n", Enumerable.Range(1, 5).Select(n => new string(' ', 20 * n) + "a line of the poem"));

        var result = EssayFileParser.Parse(Path, $"---\ntitle: T\n---\n{poem}\n\n        code, indented\n");

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Essay);
    }

    [Fact]
    public void Parse_QuotesAndListsAsEssaysUseThem_AreAccepted()
    {
        var result = EssayFileParser.Parse(Path, "---\ntitle: T\n---\n> A quote\n> > quoted back\n\n- one\n  - two [link](https://example.org)\n    1. three\n");

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Essay);
    }
}
