using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CommunityBot.Mastodon;

/// <summary>
/// The command in a mention: the status HTML as plain text, with the mentions of the bot (and anyone else) taken out.
/// Anyone on the fediverse can write it, and a reply may repeat it, so it is made harmless to parse and to echo here.
/// </summary>
public static partial class MentionText
{
    public const int MaxCommandLength = 200;

    public static string CommandOf(string html)
    {
        var text = Visible(WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(html, " "), "")));
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !IsHandle(w));
        return WithoutLinkSchemes(Cut(string.Join(' ', words))).Trim();
    }

    // Zero-width and bidi controls (all format characters) would hide an at sign from the word test below, or reorder
    // what the reply shows; other control characters separate words like a space.
    private static string Visible(string text)
    {
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Control)
            {
                visible.Append(' ');
            }
            else if (category != UnicodeCategory.Format)
            {
                visible.Append(c);
            }
        }
        return visible.ToString();
    }

    private static bool IsHandle(string word) => InertText.AtSigns.Contains(word[0], StringComparison.Ordinal);

    private static string Cut(string text)
    {
        if (text.Length <= MaxCommandLength)
        {
            return text;
        }
        var length = char.IsHighSurrogate(text[MaxCommandLength - 1]) ? MaxCommandLength - 1 : MaxCommandLength;
        return text[..length];
    }

    // Mastodon links only text that carries its scheme, so without one a link in the command stays plain text when a
    // reply repeats it. Taking one scheme out can join two halves into another, so repeat until none is left.
    private static string WithoutLinkSchemes(string text)
    {
        string before;
        do
        {
            before = text;
            text = LinkScheme().Replace(text, "");
        }
        while (text != before);
        return text;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<br\\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    // Any scheme before "://" (Mastodon links http(s), gemini, gopher, dat, dweb, ipfs, ipns, ssb), and its two without
    // slashes, xmpp: and magnet:.
    [GeneratedRegex(@"[a-z0-9+.\-]*://|(?<![a-z0-9])(?:xmpp|magnet):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkScheme();
}
