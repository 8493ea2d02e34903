using CommunityBot.Content;
using CommunityBot.Tests.HostileInput;

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

    [Theory]
    [MemberData(nameof(HostileEssayFile.Names), MemberType = typeof(HostileEssayFile))]
    public void Load_HostileFile_IsAnErrorNamingTheFileAndLine_AndEveryOtherEssayLoads(string name)
    {
        var hostile = HostileEssayFile.Named(name);
        _folder.Write("good.md", TempEssayFolder.Essay("Good"));
        var path = hostile.WriteInto(_folder.Path);

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Equal("good", Assert.Single(corpus.Essays).Slug);
        var error = Assert.Single(corpus.Errors);
        Assert.Equal((path, hostile.Line, hostile.Field), (error.File, error.Line, error.Field));
        Assert.Contains(hostile.Reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOverMaxFileBytes_IsRefusedUnread_AndOneAtTheCapLoads()
    {
        var essay = TempEssayFolder.Essay("Sized");
        var atCap = _folder.Write("at-cap.md", essay);
        var over = _folder.Write("over.md", essay.Replace("Sized", "Sized Up", StringComparison.Ordinal));

        var corpus = CorpusLoader.Load(_folder.Path, new FileInfo(atCap).Length);

        Assert.Equal("at-cap", Assert.Single(corpus.Essays).Slug);
        var error = Assert.Single(corpus.Errors);
        Assert.Equal((over, "file"), (error.File, error.Field));
        Assert.Contains($"larger than {new FileInfo(atCap).Length} bytes (Content:MaxFileBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymlinkLeadingOutsideTheFolder_IsRefused()
    {
        using var elsewhere = new TempEssayFolder();
        var secret = elsewhere.Write("secret.md", TempEssayFolder.Essay("Secret"));
        var link = System.IO.Path.Combine(_folder.Path, "secret.md");
        File.CreateSymbolicLink(link, secret);

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Empty(corpus.Essays);
        var error = Assert.Single(corpus.Errors);
        Assert.Equal((link, "file"), (error.File, error.Field));
        Assert.Contains("outside the essays folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymlinkThroughALinkedSubfolderLeadingOutside_IsRefused()
    {
        using var elsewhere = new TempEssayFolder();
        elsewhere.Write("secret.md", TempEssayFolder.Essay("Secret"));
        Directory.CreateSymbolicLink(System.IO.Path.Combine(_folder.Path, "sub"), elsewhere.Path);
        File.CreateSymbolicLink(System.IO.Path.Combine(_folder.Path, "secret.md"), "sub/secret.md");

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Empty(corpus.Essays);
        Assert.Contains("outside the essays folder", Assert.Single(corpus.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SymlinkWithDotDotAfterALinkedFolder_IsFollowedAsTheSystemDoes_AndRefused()
    {
        // essays/d -> elsewhere/inner, essays/secret.md -> d/../secret.md: the system opens elsewhere/secret.md, while
        // collapsing ".." as text first would have said essays/secret.md, inside.
        using var elsewhere = new TempEssayFolder();
        var inner = Directory.CreateDirectory(System.IO.Path.Combine(elsewhere.Path, "inner")).FullName;
        elsewhere.Write("secret.md", TempEssayFolder.Essay("Secret"));
        Directory.CreateSymbolicLink(System.IO.Path.Combine(_folder.Path, "d"), inner);
        var link = System.IO.Path.Combine(_folder.Path, "secret.md");
        File.CreateSymbolicLink(link, "d/../secret.md");

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Empty(corpus.Essays);
        var error = Assert.Single(corpus.Errors);
        Assert.Equal(link, error.File);
        Assert.Contains($"leads to {System.IO.Path.Combine(elsewhere.Path, "secret.md")}, outside the essays folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ANamedPipe_IsRefusedWithoutWaitingForAWriter_AndTheRestLoads()
    {
        _folder.Write("good.md", TempEssayFolder.Essay("Good"));
        var pipe = System.IO.Path.Combine(_folder.Path, "pipe.md");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var corpus = CorpusLoader.Load(_folder.Path);

        Assert.Equal("good", Assert.Single(corpus.Essays).Slug);
        var error = Assert.Single(corpus.Errors);
        Assert.Equal((pipe, "refused: the file is empty, or not a regular file"), (error.File, error.Message));
    }

    [Fact]
    public void Load_SymlinkInsideTheFolder_AndAFolderThatIsItselfALink_Load()
    {
        using var parent = new TempEssayFolder();
        var real = Directory.CreateDirectory(System.IO.Path.Combine(parent.Path, "real")).FullName;
        File.WriteAllText(System.IO.Path.Combine(real, "original.txt"), TempEssayFolder.Essay("Linked"));
        File.CreateSymbolicLink(System.IO.Path.Combine(real, "linked.md"), "original.txt");
        var folder = System.IO.Path.Combine(parent.Path, "essays");
        Directory.CreateSymbolicLink(folder, real);

        var corpus = CorpusLoader.Load(folder);

        Assert.Empty(corpus.Errors);
        Assert.Equal("linked", Assert.Single(corpus.Essays).Slug);
    }

    [Fact]
    public void Load_MissingFolder_SaysSo()
    {
        var corpus = CorpusLoader.Load(System.IO.Path.Combine(_folder.Path, "nowhere"));

        Assert.Empty(corpus.Essays);
        Assert.Contains("does not exist", Assert.Single(corpus.Errors).Message, StringComparison.Ordinal);
    }
}
