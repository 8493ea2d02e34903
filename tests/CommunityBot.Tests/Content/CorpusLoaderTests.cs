using CommunityBot.Content;

namespace CommunityBot.Tests.Content;

public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempEssayFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_SeedCorpus_HasAllSevenEssaysAndTheSeedsQuotes()
    {
        var corpus = CorpusLoader.Load(RepositoryPaths.SeedEssays);

        Assert.Empty(corpus.Errors);
        Assert.Equal(7, corpus.Essays.Count);
        var essay = Assert.Single(corpus.Essays, e => e.Slug == "expansive-solidarity");
        Assert.Equal("Craig Mokhiber", essay.Epigraph?.Author);
        Assert.Null(essay.Published);
        Assert.Equal(new Uri("https://www.rights-studio.org/journal/expansive-solidarity"), essay.Url);
        Assert.Equal(["Amin Husain", "Angela Davis", "Viet Thanh Nguyen"], essay.Quotes.Select(q => q.Author).Distinct());
        Assert.Equal(3, essay.References.Count);
        Assert.Equal(5, essay.FurtherResources.Count);
        Assert.Contains(essay.FurtherResources, r => r.Who == "Pema Chödrön");
        Assert.All(corpus.Essays.Where(e => e.Slug != "expansive-solidarity"), e =>
        {
            Assert.NotNull(e.Published);
            Assert.NotNull(e.Epigraph);
            Assert.Null(e.Url);
            Assert.False(e.HasBody);
        });
        Assert.Contains(corpus.Essays, e => e.Epigraph?.Author == "Aimé Césaire" && e.Published == new DateOnly(2025, 10, 31));
    }

    [Fact]
    public void Load_OneBrokenFile_KeepsEveryOtherEssay()
    {
        _folder.Write("good.md", "---\ntitle: Good\n---\n");
        var broken = _folder.Write("broken.md", "---\ntitle: [\n---\n");

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Equal("good", Assert.Single(corpus.Essays).Slug);
        Assert.Equal(broken, Assert.Single(corpus.Errors).File);
    }

    [Fact]
    public void Load_DuplicateSlug_IsAnErrorOfTheLaterFile()
    {
        _folder.Write("a.md", "---\ntitle: First\nslug: same\n---\n");
        var later = _folder.Write("b.md", "---\ntitle: Second\nslug: same\n---\n");

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Equal("First", Assert.Single(corpus.Essays).Title);
        var error = Assert.Single(corpus.Errors);
        Assert.Equal((later, 3, "slug"), (error.File, error.Line, error.Field));
        Assert.Contains("a.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_SaysSo()
    {
        var corpus = CorpusLoader.Load(System.IO.Path.Combine(_folder.Path, "nowhere"));

        Assert.Empty(corpus.Essays);
        Assert.Contains("does not exist", Assert.Single(corpus.Errors).Message, StringComparison.Ordinal);
    }
}
