using CommunityBot.Console;

namespace CommunityBot.Tests.Console;

public sealed class LocalConsoleTests : IDisposable
{
    private readonly ScriptedReader _input = new();
    private readonly RecordingWriter _output = new();

    public void Dispose() => _input.Dispose();

    [Fact]
    public async Task ReadLine_ShowsThePromptFirst()
    {
        var console = new LocalConsole(_input, _output);

        var reading = console.ReadLineAsync(CancellationToken.None);
        await _output.WaitForAsync(LocalConsole.Prompt);
        _input.Type("about");

        Assert.Equal("about", await reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(LocalConsole.Prompt, _output.Text);
    }

    [Fact]
    public async Task WritePost_WhileThePromptWaits_GoesOnItsOwnLine_AndThePromptIsShownAgain()
    {
        var console = new LocalConsole(_input, _output);
        var reading = console.ReadLineAsync(CancellationToken.None);
        await _output.WaitForAsync(LocalConsole.Prompt);

        console.WritePost("[epigraph]");

        var nl = Environment.NewLine;
        Assert.Equal($"{LocalConsole.Prompt}{nl}[epigraph]{nl}{LocalConsole.Prompt}", _output.Text);
        _input.Type(null);
        Assert.Null(await reading.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
