using System.Text;
using System.Text.RegularExpressions;

namespace CommunityBot.Mastodon;

/// <summary>
/// Text that Mastodon will not read as a mention or a hashtag: a reply must reach no one but the asker, whatever the
/// asker typed or an essay quotes. Every at and number sign (the ASCII, fullwidth and small forms) is followed by a
/// word joiner, which shows nothing; links keep their number signs (a fragment, not a hashtag) and have their at signs
/// percent-encoded.
/// </summary>
public static partial class InertText
{
    /// <summary>The at signs Mastodon or twitter-text may read as the start of a mention.</summary>
    internal const string AtSigns = "@＠﹫";

    private const string Signs = AtSigns + "#＃﹟";

    // Not the zero-width joiner: it is a Join_Control, which Unicode's word class (and so a hashtag name) may include.
    private const char WordJoiner = '\u2060';

    public static string Of(string text)
    {
        var inert = new StringBuilder(text.Length + 8);
        var position = 0;
        foreach (Match link in Link().Matches(text))
        {
            AppendInert(inert, text.AsSpan(position, link.Index - position));
            inert.Append(InertLink(link.Value));
            position = link.Index + link.Length;
        }
        AppendInert(inert, text.AsSpan(position));
        return inert.ToString();
    }

    /// <summary>
    /// A link as it is, but for its at signs: Mastodon finds mentions in the status text without skipping links, so
    /// "https://x.org/a-@someone@host" would mention someone. Percent-encoded, the link still leads to the same page.
    /// </summary>
    public static string InertLink(string link) => link.Replace("@", "%40", StringComparison.Ordinal);

    private static void AppendInert(StringBuilder inert, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            inert.Append(c);
            if (Signs.Contains(c, StringComparison.Ordinal))
            {
                inert.Append(WordJoiner);
            }
        }
    }

    // Only the journal's links still have a scheme (a mention's lose theirs in MentionText); the quotes a reply puts
    // around what the asker typed end one.
    [GeneratedRegex(@"[a-z][a-z0-9+.\-]*://[^\s""“”]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
