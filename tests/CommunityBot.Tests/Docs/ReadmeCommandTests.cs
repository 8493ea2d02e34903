namespace CommunityBot.Tests.Docs;

/// <summary>
/// Every one-shot command the README shows in a ```sh block works as written, run through the built program from the
/// repository root the way <c>dotnet run</c> runs it. The commands are read from the README itself, so a command added
/// there is checked without touching this test.
/// </summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class ReadmeCommandTests
{
    private static readonly string[] _oneShotPrefix = ["dotnet", "run", "--project", "src/CommunityBot", "--"];

    // Long-running: the bot itself and the test suite. They are skipped on purpose; the bot's start is covered by
    // ProgramProcessTests, and running the suite from inside itself would never end.
    private static readonly string[] _skippedOnPurpose = ["dotnet run --project src/CommunityBot", "dotnet test"];

    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> OneShotCommands()
    {
        var data = new TheoryData<string>();
        foreach (var (_, line, words) in ShellCommands(MarkdownFile.Readme).Where(c => IsOneShot(c.Words)))
        {
            data.Add(line);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OneShotCommands))]
    public async Task ReadmeOneShotCommand_RunAsWritten_ExitsZero(string command)
    {
        var words = ShellWords.Split(command);
        Assert.True(IsOneShot(words), $"`{command}` is not a one-shot command");
        var folder = Directory.CreateTempSubdirectory("communitybot-readme-").FullName;
        try
        {
            // The editors' data/essays changes whenever an essay is added; the frozen seed keeps the answers known.
            // announce writes outbox rows: into a throwaway database, never the working copy's state/.
            var environment = new Dictionary<string, string>
            {
                ["Content__Path"] = RepositoryPaths.SeedEssays,
                ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "bot.db")}",
            };
            var (exitCode, output, error) = await BotProcess.RunToEndSeparatelyAsync(_timeout, environment, [.. words.Skip(_oneShotPrefix.Length)]);

            Assert.True(exitCode == 0, $"`{command}` exited with {exitCode}:\n{output}\n{error}");
            Assert.False(string.IsNullOrWhiteSpace(output), $"`{command}` printed nothing");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ReadmeShellBlocks_EveryCommand_IsCheckedOrSkippedOnPurpose()
    {
        var commands = ShellCommands(MarkdownFile.Readme).ToList();

        var notChecked = commands.Where(c => !IsOneShot(c.Words) && !_skippedOnPurpose.Contains(string.Join(' ', c.Words))).Select(c => $"README.md:{c.Number}: {c.Line}");
        Assert.Empty(notChecked);
        Assert.True(commands.Count(c => IsOneShot(c.Words)) >= 5, "the README's one-shot verbs were not found in its ```sh blocks");
        Assert.All(_skippedOnPurpose, skipped => Assert.Contains(commands, c => string.Join(' ', c.Words) == skipped));
    }

    [Theory]
    [InlineData("dotnet run --project src/CommunityBot -- validate      # lists every problem", "dotnet run --project src/CommunityBot -- validate")]
    [InlineData("dotnet run --project src/CommunityBot -- quote --essay \"sites of protest\" # quoted", "dotnet run --project src/CommunityBot -- quote --essay sites of protest")]
    [InlineData("dotnet run --project src/CommunityBot -- search 'a # b'", "dotnet run --project src/CommunityBot -- search a # b")]
    public void ShellCommands_CommentsAndQuotes_AreReadAsShReadsThem(string line, string expected)
    {
        Assert.Equal(expected, string.Join(' ', ShellWords.Split(line)));
    }

    /// <summary>Each line of the file's ```sh blocks that holds a command, with the words sh reads in it.</summary>
    private static IEnumerable<(int Number, string Line, IReadOnlyList<string> Words)> ShellCommands(MarkdownFile file) =>
        file.FencedLines("sh")
            .Select(l => (l.Number, Line: l.Text.Trim(), Words: ShellWords.Split(l.Text)))
            .Where(c => c.Words.Count > 0);

    private static bool IsOneShot(IReadOnlyList<string> words) =>
        words.Count > _oneShotPrefix.Length && words.Take(_oneShotPrefix.Length).SequenceEqual(_oneShotPrefix, StringComparer.Ordinal);
}
