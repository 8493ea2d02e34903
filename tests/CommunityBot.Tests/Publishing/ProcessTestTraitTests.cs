namespace CommunityBot.Tests.Publishing;

public class ProcessTestTraitTests
{
    private static readonly string[] _startsTheProgram = ["BotProcess.", "RunningBot.", "HttpBotProcess.", "BotInstance."];
    private static readonly string[] _helpers = ["Fakes", "Http/HttpBotProcess.cs", "Cluster/BotInstance.cs"];

    // .ci/aot-smoke picks the tests to run against the native executable by this trait: a test class that starts the
    // program without it would prove nothing about the published build.
    [Fact]
    public void EveryTestClassThatStartsTheProgram_CarriesTheProcessTrait()
    {
        var tests = Path.Combine(RepositoryPaths.Root, "tests", "CommunityBot.Tests");
        var helpers = _helpers.Select(p => Path.Combine(tests, p)).ToArray();
        var sources = Directory.EnumerateFiles(tests, "*Tests.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !helpers.Any(helper => path.StartsWith(helper, StringComparison.Ordinal)))
            .ToList();

        var startingTheProgram = sources.Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Where(source => _startsTheProgram.Any(source.Text.Contains))
            .ToList();
        var untagged = startingTheProgram
            .Where(source => !source.Text.Contains("[Trait(ProcessTest.Category, ProcessTest.Process)]", StringComparison.Ordinal))
            .Select(source => Path.GetRelativePath(tests, source.Path));

        Assert.Contains(startingTheProgram, source => source.Path.EndsWith("PublishedExecutableTests.cs", StringComparison.Ordinal));
        Assert.Empty(untagged);
    }
}
