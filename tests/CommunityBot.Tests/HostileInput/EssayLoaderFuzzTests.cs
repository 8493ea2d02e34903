using CommunityBot.Content;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.HostileInput;

public sealed class EssayLoaderFuzzTests
{
    private const string FuzzedPath = "/essays/zz-fuzzed.md";

    [Fact]
    public void Parse_HostileFiles_NeverThrows_AndEveryRejectionNamesTheFileLineAndField()
    {
        var rejected = 0;
        EssayFuzz.Any.Sample(content =>
        {
            var result = EssayFileParser.Parse(FuzzedPath, content);

            Assert.Equal(FuzzedPath, result.Path);
            if (result.Essay is null)
            {
                Assert.NotEmpty(result.Errors);
                Interlocked.Increment(ref rejected);
            }
            Assert.All(result.Errors, error =>
            {
                Assert.Equal(FuzzedPath, error.File);
                Assert.True(error.Line >= 0, error.ToString());
                Assert.False(string.IsNullOrWhiteSpace(error.Field), error.ToString());
                Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ToString());
                Assert.StartsWith(FuzzedPath, error.ToString(), StringComparison.Ordinal);
            });
        }, iter: 2000);

        // The generators are hostile enough that most files are rejected; were none, the property would prove nothing.
        Assert.InRange(rejected, 1000, 2000);
    }

    [Fact]
    public void ComplexKey_IsRejectedWithTheOwnerAsField()
    {
        var result = EssayFileParser.Parse(FuzzedPath, "---\ntitle: Complex\n? slug: a\n---\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "front matter"), (error.Line, error.Field));
        Assert.Contains("field name must be a plain word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunningStore_WithAFuzzedFileInItsFolder_KeepsServingEveryOtherEssay()
    {
        using var folder = new TempEssayFolder();
        foreach (var file in Directory.GetFiles(RepositoryPaths.SeedEssays, "*.md"))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }
        var store = new ContentStore(Options.Create(new ContentOptions { Path = folder.Path }), NullLogger<ContentStore>.Instance);
        var slugs = store.Index.Essays.Select(e => e.Slug).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(7, slugs.Count);
        var fuzzed = Path.Combine(folder.Path, "zz-fuzzed.md");

        EssayFuzz.Any.Sample(content =>
        {
            File.WriteAllText(fuzzed, content);
            store.Reload(fuzzed);

            var served = store.Index.Essays.Where(e => e.SourcePath != fuzzed).Select(e => e.Slug).Order(StringComparer.Ordinal);
            Assert.Equal(slugs, served);
            Assert.All(store.Errors, error => Assert.Equal(fuzzed, error.File));
            Assert.NotNull(store.Index.GetBySlug(slugs[0]));
        }, iter: 150, threads: 1);
    }
}
