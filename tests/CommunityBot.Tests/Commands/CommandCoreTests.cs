using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CommunityBot.Tests.Commands;

public class CommandCoreTests
{
    private readonly Mock<IRandomSource> _random = new();
    private readonly CommandCore _core;

    public CommandCoreTests()
    {
        var options = Options.Create(new ContentOptions { Path = RepositoryPaths.SeedEssays });
        _core = new CommandCore(new ContentStore(options, NullLogger<ContentStore>.Instance), _random.Object, options);
    }

    private Reply Run(string name, params (string Key, string Value)[] options) => _core.Execute(Request(name, options));

    private static CommandRequest Request(string name, params (string Key, string Value)[] options) =>
        new(name, options.ToDictionary(o => o.Key, o => o.Value));

    private CommandCore CoreOver(string essays)
    {
        var options = Options.Create(new ContentOptions { Path = essays });
        return new CommandCore(new ContentStore(options, NullLogger<ContentStore>.Instance), _random.Object, options);
    }

    [Fact]
    public void Quote_ByAuthor_ChoosesWithTheRandomSource()
    {
        _random.Setup(r => r.Pick(2)).Returns(1);

        var reply = Assert.IsType<QuoteReply>(Run("quote", ("author", "camus")));

        Assert.Equal(2, reply.Matches);
        Assert.Equal("Albert Camus", reply.Entry.Quote.Author);
        Assert.Equal("to-be-maladjusted", reply.Entry.Essay.Slug);
        _random.Verify(r => r.Pick(2), Times.Once);
    }

    [Fact]
    public void Quote_ByAuthorAndEssay_NarrowsToOne()
    {
        var reply = Assert.IsType<QuoteReply>(Run("quote", ("author", "camus"), ("essay", "sites of protest")));

        Assert.Equal("I rebel, therefore we exist.", reply.Entry.Quote.Text);
        Assert.True(reply.Entry.IsEpigraph);
    }

    [Fact]
    public void Quote_ByText_FindsBodyQuotes()
    {
        var reply = Assert.IsType<QuoteReply>(Run("quote", ("text", "capacious grief")));

        Assert.Equal("Viet Thanh Nguyen", reply.Entry.Quote.Author);
        Assert.False(reply.Entry.IsEpigraph);
    }

    [Fact]
    public void Quote_NoFilter_PicksAmongAll()
    {
        _random.Setup(r => r.Pick(11)).Returns(0);

        Assert.Equal(11, Assert.IsType<QuoteReply>(Run("quote")).Matches);
    }

    [Fact]
    public void Quote_AuthorNeverQuotedButCited_SaysWhere()
    {
        var reply = Assert.IsType<ProblemReply>(Run("quote", ("author", "chodron")));

        Assert.Equal(ProblemKind.NotFound, reply.Kind);
        Assert.Contains("Pema Chödrön", reply.Message, StringComparison.Ordinal);
        Assert.Contains("Expansive Solidarity", reply.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chodron", "Pema Chödrön")]
    [InlineData("fanon", "Frantz Fanon")]
    [InlineData("berger", "John Berger")]
    public void Quote_AuthorOnlyInFurtherResources_NamesThatSectionAndTheCommandThatListsIt(string typed, string name)
    {
        var reply = Assert.IsType<ProblemReply>(Run("quote", ("author", typed)));

        Assert.StartsWith($"No quotes by \"{typed}\". {name} is cited, not quoted: in the further resources of “Expansive Solidarity” (", reply.Message, StringComparison.Ordinal);
        Assert.EndsWith("; resources expansive-solidarity lists them).", reply.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("references of", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_AuthorOnlyInReferences_NamesTheReferencesAndTheirCommand()
    {
        using var folder = new TempEssayFolder();
        folder.Write("cited.md", "---\ntitle: Cited\nreferences:\n  - title: Letters\n    who: Rosa Luxemburg\n---\n");

        var reply = Assert.IsType<ProblemReply>(CoreOver(folder.Path).Execute(Request("quote", ("author", "luxemburg"))));

        Assert.Equal("No quotes by \"luxemburg\". Rosa Luxemburg is cited, not quoted: in the references of “Cited” (Letters; references cited lists them).", reply.Message);
    }

    [Fact]
    public void Quote_NobodyClose_SaysHowToLookFurther()
    {
        var reply = Assert.IsType<ProblemReply>(Run("quote", ("author", "nobody-here")));

        Assert.Empty(reply.Suggestions);
        Assert.Equal("No quotes by \"nobody-here\". No quoted name is close: try search nobody-here, or quote --essay <title> for the quotes of one essay (essays lists them).", reply.Message);
    }

    [Fact]
    public void Quote_AuthorNotInThatEssay_SuggestsWhoIsQuotedThere()
    {
        var reply = Assert.IsType<ProblemReply>(Run("quote", ("author", "camus"), ("essay", "expansive solidarity")));

        Assert.Contains("Angela Davis", reply.Suggestions);
        Assert.Contains("Craig Mokhiber", reply.Suggestions);
    }

    [Fact]
    public void Epigraph_OfAnEssay()
    {
        var reply = Assert.IsType<QuoteReply>(Run("epigraph", ("essay", "imperial boomerang")));

        Assert.Equal("Aimé Césaire", reply.Entry.Quote.Author);
    }

    [Fact]
    public void Epigraph_Random_UsesOnlyEpigraphs()
    {
        _random.Setup(r => r.Pick(7)).Returns(6);

        Assert.True(Assert.IsType<QuoteReply>(Run("epigraph")).Entry.IsEpigraph);
    }

    [Fact]
    public void Essay_WithTypo_FindsIt()
    {
        Assert.Equal("To Be Maladjusted", Assert.IsType<EssayReply>(Run("essay", ("essay", "to be maladjustd"))).Essay.Title);
    }

    [Fact]
    public void Essay_Missing_SuggestsAndNeverThrows()
    {
        var reply = Assert.IsType<ProblemReply>(Run("essay", ("essay", "poetic resistence movement")));

        Assert.Equal(ProblemKind.NotFound, reply.Kind);
        Assert.Contains("Poetic Resistance", reply.Suggestions);
    }

    [Fact]
    public void Essay_WithoutAnEssay_SaysWhatIsMissing_AndGuessesNothing()
    {
        var reply = Assert.IsType<ProblemReply>(Run("essay"));

        Assert.Equal(ProblemKind.InvalidInput, reply.Kind);
        Assert.StartsWith("Which essay? Usage: essay <essay>, the essay's title or slug", reply.Message, StringComparison.Ordinal);
        Assert.EndsWith("essays lists them all).", reply.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Suggestions);
    }

    [Theory]
    [InlineData("essay", "the banana republic")]
    [InlineData("references", "nope")]
    [InlineData("resources", "nope")]
    [InlineData("epigraph", "the banana republic")]
    public void Essay_NothingClose_PointsToTheEssaysList(string command, string query)
    {
        var reply = Assert.IsType<ProblemReply>(Run(command, ("essay", query)));

        Assert.Equal(ProblemKind.NotFound, reply.Kind);
        Assert.Empty(reply.Suggestions);
        Assert.Equal($"No essay is called \"{query}\", and no title is close: essays lists them all.", reply.Message);
    }

    [Fact]
    public void Essays_PagesNewestFirst()
    {
        var first = Assert.IsType<EssayListReply>(Run("essays"));
        var second = Assert.IsType<EssayListReply>(Run("essays", ("page", "2")));

        Assert.Equal((1, 2, 7, 5), (first.Page, first.PageCount, first.Total, first.Essays.Count));
        Assert.Equal(2, second.Essays.Count);
        Assert.Equal("creative-and-destructive", second.Essays[^1].Slug);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("two")]
    public void Essays_PageOutOfRange_SaysWhichPagesExist(string page)
    {
        var reply = Assert.IsType<ProblemReply>(Run("essays", ("page", page)));

        Assert.Contains("1 to 2", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void References_AndResources_OfAnEssay()
    {
        var references = Assert.IsType<ReferencesReply>(Run("references", ("essay", "expansive solidarity")));
        var resources = Assert.IsType<ReferencesReply>(Run("resources", ("essay", "expansive-solidarity")));

        Assert.Equal(ReferenceListKind.References, references.Kind);
        Assert.Equal("Freedom is a Constant Struggle", references.Items[1].Title);
        Assert.Equal(ReferenceListKind.FurtherResources, resources.Kind);
        Assert.Equal("John Berger", resources.Items[3].Who);
    }

    [Fact]
    public void Search_ReturnsRankedHits()
    {
        var reply = Assert.IsType<SearchReply>(Run("search", ("text", "ungovernable")));

        Assert.Equal("expansive-solidarity", Assert.Single(reply.Hits).Essay.Slug);
        Assert.Contains("ungovernable", reply.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_NothingFound_IsAProblemNotAnEmptyList()
    {
        Assert.Equal(ProblemKind.NotFound, Assert.IsType<ProblemReply>(Run("search", ("text", "xylophone"))).Kind);
    }

    [Fact]
    public void About_CountsTheCorpus()
    {
        var reply = Assert.IsType<AboutReply>(Run("about"));

        Assert.Equal((7, 11), (reply.EssayCount, reply.QuoteCount));
        Assert.Equal(new Uri("https://www.rights-studio.org/journal"), reply.SiteUrl);
    }

    [Fact]
    public void About_Latest_IsTheNewestDatedEssay_AndTheUndatedOneIsNamedApart()
    {
        var reply = Assert.IsType<AboutReply>(Run("about"));

        Assert.Equal("imperial-boomerang", reply.Latest?.Slug);
        Assert.Equal(["expansive-solidarity"], reply.Undated.Select(e => e.Slug));
    }

    [Fact]
    public void About_ADatedEssayAddedAfterAnUndatedOne_IsLatest()
    {
        using var folder = new TempEssayFolder();
        folder.Write("current.md", "---\ntitle: Current\n---\n");
        folder.Write("older.md", "---\ntitle: Older\npublished: 2025-10-31\n---\n");
        folder.Write("added.md", "---\ntitle: Added\npublished: 2026-02-01\n---\n");

        var reply = Assert.IsType<AboutReply>(CoreOver(folder.Path).Execute(new CommandRequest("about")));

        Assert.Equal("added", reply.Latest?.Slug);
        Assert.Equal(["current"], reply.Undated.Select(e => e.Slug));
    }

    [Fact]
    public void About_NothingDated_HasNoLatest()
    {
        using var folder = new TempEssayFolder();
        folder.Write("current.md", "---\ntitle: Current\n---\n");

        var reply = Assert.IsType<AboutReply>(CoreOver(folder.Path).Execute(new CommandRequest("about")));

        Assert.Null(reply.Latest);
        Assert.Equal(["current"], reply.Undated.Select(e => e.Slug));
    }

    [Fact]
    public void Help_ListsEveryCommand()
    {
        Assert.Equal(CommandCatalog.All.Select(c => c.Name), Assert.IsType<HelpReply>(Run("help")).Commands.Select(c => c.Name));
    }

    [Fact]
    public void UnknownCommand_SuggestsTheNearest()
    {
        var reply = Assert.IsType<ProblemReply>(Run("qoute"));

        Assert.Equal(ProblemKind.InvalidInput, reply.Kind);
        Assert.Equal(["quote"], reply.Suggestions);
    }
}
