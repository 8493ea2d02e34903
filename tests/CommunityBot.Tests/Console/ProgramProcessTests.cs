using System.Diagnostics;
using CommunityBot.Console;

namespace CommunityBot.Tests.Console;

/// <summary>The built program, started as a process the way a person runs it.</summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class ProgramProcessTests : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    // The seed's known essays: the editors' data/essays may hold more, fewer or other ones.
    private static readonly string _seedContent = $"--Content:Path={RepositoryPaths.SeedEssays}";
    private readonly TempEssayFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Process Start(params string[] args) => BotProcess.Start([_seedContent, .. args]);

    private static Task<(int ExitCode, string Output)> RunToEndAsync(params string[] args) => BotProcess.RunToEndAsync(_timeout, [_seedContent, .. args]);

    [Fact]
    public async Task LocalMode_AnswersATypedCommand_AndStopsAtEndOfInput()
    {
        using var process = Start($"--Storage:ConnectionString=Data Source={Path.Combine(_folder.Path, "bot.db")}");
        var output = new RecordingWriter();
        var reading = PumpAsync(process.StandardOutput, output);

        await output.WaitForAsync("Type a command");
        await process.StandardInput.WriteLineAsync("quote camus");
        await process.StandardInput.FlushAsync();
        await output.WaitForAsync("— Albert Camus");
        process.StandardInput.Close();

        await process.WaitForExitAsync().WaitAsync(_timeout);
        await reading;
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("7 essays, 11 quotes loaded from", output.Text, StringComparison.Ordinal);
        Assert.Contains("Next epigraph:", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_Quote_PrintsAndExits()
    {
        var (exitCode, output) = await RunToEndAsync("quote", "--author", "camus");

        Assert.True(exitCode == 0, output);
        Assert.Contains("— Albert Camus", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_Validate_OnTheSeedCorpus_Passes()
    {
        var (exitCode, output) = await RunToEndAsync("validate");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"All 7 essays in {RepositoryPaths.SeedEssays} are valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_Validate_WithTheDefaultPath_ValidatesTheEditorsEssays()
    {
        var (exitCode, output) = await BotProcess.RunToEndAsync(_timeout, "validate");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"essays in {RepositoryPaths.Essays} are valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_Validate_ListsEachProblemOnce_CountsInGoodEnglish_AndFails()
    {
        _folder.Write("good.md", TempEssayFolder.Essay("Good"));
        var broken = _folder.Write("broken.md", "---\ntitle: Broken\npublished: someday\n---\n");

        var (exitCode, output) = await RunToEndAsync("validate", $"--Content:Path={_folder.Path}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"{broken}:3: published: unparseable date 'someday'", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("someday", StringComparison.Ordinal));
        Assert.DoesNotContain("warn:", output, StringComparison.Ordinal);
        Assert.Contains($"1 problem; 1 valid essay in {_folder.Path}.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_ShowsAPrompt_KeepsLogLinesOutOfTheAnswers_AndSendsWarningsToStandardError()
    {
        using var storage = new TempEssayFolder();
        _folder.Write("good.md", TempEssayFolder.Essay("Good"));
        var broken = _folder.Write("broken.md", "---\ntitle: Broken\npublished: someday\n---\n");
        using var process = Start($"--Storage:ConnectionString=Data Source={Path.Combine(storage.Path, "bot.db")}", $"--Content:Path={_folder.Path}");
        var output = new RecordingWriter();
        var errors = new RecordingWriter();
        var reading = PumpAsync(process.StandardOutput, output);
        var readingErrors = PumpAsync(process.StandardError, errors);

        await output.WaitForAsync("Type a command");
        await output.WaitForAsync(Environment.NewLine + LocalConsole.Prompt);
        await process.StandardInput.WriteLineAsync("help");
        await process.StandardInput.FlushAsync();
        await output.WaitForAsync("stops local mode");
        process.StandardInput.Close();

        await process.WaitForExitAsync().WaitAsync(_timeout);
        await Task.WhenAll(reading, readingErrors);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains(LocalConsole.Prompt + "Commands:", output.Text, StringComparison.Ordinal);
        Assert.Contains("At the prompt: quit or exit stops local mode", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", errors.Text, StringComparison.Ordinal);
        Assert.Contains("warn:", errors.Text, StringComparison.Ordinal);
        Assert.Contains(broken, errors.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_InDevelopment_WhereTheContainerIsValidatedOnBuild_StillRuns()
    {
        var (exitCode, output) = await BotProcess.RunToEndAsync(_timeout, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }, "validate", _seedContent);

        Assert.True(exitCode == 0, output);
        Assert.Contains("All 7 essays", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneShot_Help_ListsTheCommands()
    {
        var (exitCode, output) = await RunToEndAsync("--help");

        Assert.True(exitCode == 0, output);
        Assert.Contains("quote [author] [essay] [text]", output, StringComparison.Ordinal);
        Assert.Contains("At the prompt: quit or exit stops local mode", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadConfiguration_NamesTheKey()
    {
        var (exitCode, output) = await RunToEndAsync("--Schedule:Epigraph:TimeZone=Mars/Olympus");

        Assert.Equal(2, exitCode);
        Assert.Contains("Schedule:Epigraph:TimeZone: 'Mars/Olympus' is not a time zone", output, StringComparison.Ordinal);
    }

    /// <summary>Copies as it comes, not by lines: the prompt ends no line.</summary>
    private static async Task PumpAsync(StreamReader reader, RecordingWriter output)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read));
        }
    }
}
