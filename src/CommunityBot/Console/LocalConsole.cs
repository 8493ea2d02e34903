namespace CommunityBot.Console;

/// <summary>
/// The terminal local mode talks to; tests hand it their own reader and writer. Every write takes one lock, so an
/// answer, a scheduled post and the prompt never interleave, and a post that arrives while the prompt waits is
/// printed on a line of its own with the prompt shown again after it.
/// </summary>
public sealed class LocalConsole(TextReader input, TextWriter output)
{
    public const string Prompt = "> ";

    /// <summary>The words that end local mode; not commands of the catalog, since no other transport has them.</summary>
    public static readonly IReadOnlyList<string> QuitWords = ["quit", "exit"];

    private readonly Lock _gate = new();
    private bool _prompting;

    public TextReader Input { get; } = input;

    public void WriteLine(string text)
    {
        lock (_gate)
        {
            _prompting = false;
            output.WriteLine(text);
            output.Flush();
        }
    }

    public void ShowPrompt()
    {
        lock (_gate)
        {
            _prompting = true;
            output.Write(Prompt);
            output.Flush();
        }
    }

    /// <summary>Output that was not asked for at the prompt: a scheduled epigraph, an announcement.</summary>
    public void WritePost(string text)
    {
        lock (_gate)
        {
            if (_prompting)
            {
                output.WriteLine();
            }
            output.WriteLine(text);
            if (_prompting)
            {
                output.Write(Prompt);
            }
            output.Flush();
        }
    }

    /// <summary>The next line typed, or null at end of input; the prompt is shown first.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        ShowPrompt();
        // Console reads do not observe cancellation; waiting on the read lets Ctrl+C end the loop at once.
        var line = await Task.Run(Input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
        lock (_gate)
        {
            _prompting = false;
        }
        return line;
    }
}
