using System.Buffers;
using System.Text;
using CommunityBot.Content;

namespace CommunityBot.Discord;

/// <summary>
/// Text from essays and feeds made safe for Discord: Markdown escaped, so a title cannot become a masked link, a
/// heading or a spoiler, and cut to Discord's limits without breaking a word, a surrogate pair or an escape.
/// </summary>
public static class DiscordText
{
    // Everything Discord's Markdown reads: emphasis, code, spoilers, quotes, headings and subtext, list markers,
    // masked links, and the angle brackets of mentions, channels, commands and timestamps.
    private static readonly SearchValues<char> _markdown = SearchValues.Create("\\*_~`|>#-[]()<");

    /// <summary>Control characters removed and every Markdown character escaped; line breaks are kept.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        var numberAtLineStart = false;
        foreach (var c in text)
        {
            if (ControlCharacters.IsControl(c) && c is not '\n' and not '\t')
            {
                continue;
            }
            // "1." and "+" start list items only at the start of a line; elsewhere they are plain text.
            if (_markdown.Contains(c) || (lineStart && c == '+') || (numberAtLineStart && c == '.'))
            {
                builder.Append('\\');
            }
            builder.Append(c);
            numberAtLineStart = char.IsAsciiDigit(c) && (lineStart || numberAtLineStart);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }
        return builder.ToString();
    }

    /// <summary><see cref="Escape"/>d, then cut to <paramref name="limit"/>.</summary>
    public static string FitEscaped(string text, int limit) => Fit(Escape(text), limit);

    /// <summary>
    /// An address as a link in message text: in angle brackets, which end it for Discord whatever follows, and
    /// percent-encoded, so it holds no space, bracket or line break of its own.
    /// </summary>
    public static string Link(Uri url) => $"<{url.AbsoluteUri}>";

    public static string Fit(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', limit - 2);
        if (cut < limit / 2)
        {
            cut = limit - 1;
        }
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        // An escape cut in half would escape the ellipsis instead of its character.
        var backslashes = 0;
        while (backslashes < cut && text[cut - 1 - backslashes] == '\\')
        {
            backslashes++;
        }
        if (backslashes % 2 == 1)
        {
            cut--;
        }
        return text[..cut].TrimEnd() + "…";
    }
}
