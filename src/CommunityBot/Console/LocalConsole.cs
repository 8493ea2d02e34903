namespace CommunityBot.Console;

/// <summary>The terminal local mode talks to; tests hand it their own reader and writer.</summary>
public sealed class LocalConsole(TextReader input, TextWriter output)
{
    public TextReader Input { get; } = input;

    /// <summary>Shared by the prompt and scheduled posts, so their lines never interleave.</summary>
    public TextWriter Output { get; } = TextWriter.Synchronized(output);
}
