using CommunityBot.Content;

namespace CommunityBot.Tests.Content;

/// <summary>
/// The editors' folder, data/essays, checked only for what holds for any corpus they may keep: every file is valid and
/// the seed essay is still there. Counts and contents are pinned on the frozen seed copy instead, so adding, changing
/// or removing an essay never breaks the suite.
/// </summary>
public sealed class EditorsEssaysTests
{
    private static readonly Corpus _corpus = CorpusLoader.Load(RepositoryPaths.Essays);

    [Fact]
    public void Load_EditorsEssays_EveryFileIsValid()
    {
        Assert.True(_corpus.Errors.Count == 0, string.Join(Environment.NewLine, _corpus.Errors));
        Assert.Equal(Directory.GetFiles(RepositoryPaths.Essays, CorpusLoader.FilePattern).Length, _corpus.Essays.Count);
    }

    [Fact]
    public void Load_EditorsEssays_KeepTheSeedEssayAndItsEpigraph()
    {
        var essay = Assert.Single(_corpus.Essays, e => e.Slug == "expansive-solidarity");

        Assert.Equal("Expansive Solidarity", essay.Title);
        Assert.Equal("Craig Mokhiber", essay.Epigraph?.Author);
    }
}
