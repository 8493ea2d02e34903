using System.Text;

namespace CommunityBot.Tests.Docs;

/// <summary>A shell line split into words as sh would, for the quoting the docs use: '…', "…", a trailing # comment.</summary>
public static class ShellWords
{
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                // A # that starts a word starts a comment, to the end of the line.
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
        {
            throw new FormatException($"unclosed quote in: {line}");
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
