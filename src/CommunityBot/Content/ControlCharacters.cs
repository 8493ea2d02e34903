using System.Text;

namespace CommunityBot.Content;

/// <summary>
/// C0 controls, DEL and C1 controls removed from text that came from outside (a feed, an essay file), so none of
/// it can move a terminal's cursor, forge a log line or hide in a post.
/// </summary>
public static class ControlCharacters
{
    public static bool IsControl(char c) => c < '\u0020' || (c >= '\u007F' && c <= '\u009F');

    /// <summary>Every control character removed; line breaks and tabs too unless <paramref name="keepLineBreaks"/>.</summary>
    public static string Strip(string text, bool keepLineBreaks = false)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsControl(c) || (keepLineBreaks && c is '\n' or '\t'))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>One line: controls removed, and any run of whitespace (line breaks and tabs included) made one space.</summary>
    public static string SingleLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => Strip(word)).Where(word => word.Length > 0));
}
