using System.Net;
using System.Text.RegularExpressions;

namespace CommunityBot.Mastodon;

/// <summary>The command in a mention: the status HTML as plain text, with the mentions of the bot (and anyone else) taken out.</summary>
public static partial class MentionText
{
    public static string CommandOf(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(html, " "), ""));
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('@'));
        return string.Join(' ', words).Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<br\\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();
}
