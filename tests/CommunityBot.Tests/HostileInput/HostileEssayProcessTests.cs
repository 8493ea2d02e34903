namespace CommunityBot.Tests.HostileInput;

/// <summary>The built bot in local mode, its essays folder watched, given the files that used to end the process.</summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class HostileEssayProcessTests : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private readonly TempEssayFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(HostileEssayFile.Names), MemberType = typeof(HostileEssayFile))]
    public async Task LocalMode_HostileFileAtStartAndDroppedInWhileRunning_IsLoggedByName_AndTheBotKeepsAnswering(string name)
    {
        var hostile = HostileEssayFile.Named(name);
        _folder.Write("good.md", TempEssayFolder.Essay("Good", "Still here.", "Steady"));
        var atStart = hostile.WriteInto(_folder.Path);
        using var process = BotProcess.Start(
        [
            $"--Content:Path={_folder.Path}",
            $"--Storage:ConnectionString=Data Source={Path.Combine(_folder.Path, "bot.db")}",
        ]);
        var output = new RecordingWriter();
        var reading = Task.WhenAll(PumpAsync(process.StandardOutput, output), PumpAsync(process.StandardError, output));

        await output.WaitForAsync("Type a command").WaitAsync(_timeout);
        var dropped = Path.Combine(_folder.Path, "dropped-in.md");
        using (var staging = new TempEssayFolder())
        {
            File.Move(hostile.WriteInto(staging.Path), dropped);
        }
        await output.WaitForAsync($"Essay file skipped: {dropped}:").WaitAsync(_timeout);
        await process.StandardInput.WriteLineAsync("quote steady");
        await process.StandardInput.FlushAsync();
        await output.WaitForAsync("— Steady").WaitAsync(_timeout);
        process.StandardInput.Close();

        await process.WaitForExitAsync().WaitAsync(_timeout);
        await reading;
        Assert.True(process.ExitCode == 0, output.Text);
        Assert.Contains($"Essay file skipped: {atStart}:{hostile.Line}: {hostile.Field}:", output.Text, StringComparison.Ordinal);
        Assert.Contains(hostile.Reason, output.Text, StringComparison.Ordinal);
    }

    private static async Task PumpAsync(StreamReader reader, RecordingWriter output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await output.WriteLineAsync(line);
        }
    }
}
