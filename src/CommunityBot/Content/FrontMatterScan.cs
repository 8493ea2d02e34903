using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace CommunityBot.Content;

/// <summary>
/// Looks at the front matter's tokens before YamlDotNet builds a node tree from them. Building the tree recurses once
/// per nesting level, so deep nesting overflows the stack, which no catch can stop; and an alias used in a complex key
/// is hashed through every level it refers to, which takes minutes. YamlDotNet's scanner is a loop over the text, so
/// running it first finds both without recursing, at the very tokens the parser will see.
/// </summary>
public static class FrontMatterScan
{
    /// <summary>The essay schema needs three levels (a list of references, each a mapping); the rest is headroom.</summary>
    public const int MaxDepth = 32;

    /// <returns>The first thing that must not reach the parser, with its 1-based line within <paramref name="yaml"/>.</returns>
    public static ScanProblem? Check(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (scanner.MoveNext())
            {
                var token = scanner.Current!;
                var line = (int)token.Start.Line;
                switch (token)
                {
                    case BlockMappingStart or BlockSequenceStart or FlowMappingStart or FlowSequenceStart when ++depth > MaxDepth:
                        return new ScanProblem(line, $"nested more than {MaxDepth} levels deep; an essay's fields need no more than three");
                    case BlockEnd or FlowMappingEnd or FlowSequenceEnd:
                        depth--;
                        break;
                    case Anchor anchor:
                        return new ScanProblem(line, $"anchor '&{anchor.Value}' refused: anchors and aliases are not allowed in front matter");
                    case AnchorAlias alias:
                        return new ScanProblem(line, $"alias '*{alias.Value}' refused: anchors and aliases are not allowed in front matter");
                    case Error:
                        // The scanner reports some broken YAML as a token, and repeats it forever; the parser
                        // turns it into the exception it reports with the line.
                        return null;
                    case Key when IsExplicitKey(yaml, token.Start):
                        return new ScanProblem(line, "complex key ('? …') refused: a field name must be a plain word before a colon, e.g. 'title:'");
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentException)
        {
            // Broken YAML stops the parser at this same token, before it has built anything deeper, and the parser
            // reports it with the line; the scan has nothing to add.
        }
        return null;
    }

    /// <summary>
    /// The 1-based line of the innermost '[' or '{' still open where the scanner stops, if any. YamlDotNet reports an
    /// unclosed bracket where it gave up looking for its end, often the line after; the editor needs the line it opens on.
    /// </summary>
    public static (int Line, char Bracket)? UnclosedBracket(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var open = new Stack<(int Line, char Bracket)>();
        try
        {
            while (scanner.MoveNext() && scanner.Current is not Error)
            {
                switch (scanner.Current)
                {
                    case FlowSequenceStart start:
                        open.Push(((int)start.Start.Line, '['));
                        break;
                    case FlowMappingStart start:
                        open.Push(((int)start.Start.Line, '{'));
                        break;
                    case FlowSequenceEnd or FlowMappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentException)
        {
            // Where the scanner gives up is where the brackets still open are counted.
        }
        return open.Count > 0 ? open.Peek() : null;
    }

    private static bool IsExplicitKey(string yaml, Mark start) => start.Index < yaml.Length && yaml[(int)start.Index] == '?';
}
