using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// Counts a status the way Mastodon's StatusLengthValidator does: the content warning and the text share one budget,
/// every http(s) URL counts as <c>characters_reserved_per_url</c>, a mention of a remote account counts only its
/// local part, and the result is measured in grapheme clusters, so an emoji ZWJ sequence or a flag is one character.
/// </summary>
/// <remarks>
/// URL detection follows twitter-text with a protocol required (Mastodon passes <c>extract_url_without_protocol: false</c>),
/// but accepts any dotted host instead of checking twitter-text's TLD list.
/// </remarks>
public static partial class MastodonTextCounter
{
    public const int DefaultCharactersReservedPerUrl = 23;

    public static int Count(string text, string? spoilerText, int charactersReservedPerUrl = DefaultCharactersReservedPerUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(charactersReservedPerUrl);

        // The server joins the two strings before counting, so a cluster may span the seam; count the join as well.
        var combined = (spoilerText ?? "") + CountableText(text, charactersReservedPerUrl);
        return new StringInfo(combined).LengthInTextElements;
    }

    private static string CountableText(string text, int charactersReservedPerUrl)
    {
        // Ruby's String#blank? on the server: whitespace-only text counts as nothing.
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var entities = FindUrls(text).Concat(FindMentions(text)).OrderBy(e => e.Start).ToList();
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var entity in entities)
        {
            // Overlapping entities are dropped, the earlier one wins (twitter-text remove_overlapping_entities).
            if (entity.Start < position)
            {
                continue;
            }

            builder.Append(text, position, entity.Start - position);
            builder.Append(entity.Replacement);
            position = entity.Start + entity.Length;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();

        IEnumerable<Entity> FindUrls(string source)
        {
            var placeholder = new string('x', charactersReservedPerUrl);
            foreach (Match match in UrlPattern().Matches(source))
            {
                var length = TrimUrlEnd(match.Value);
                yield return new Entity(match.Index, length, placeholder);
            }
        }
    }

    private static IEnumerable<Entity> FindMentions(string text)
    {
        foreach (Match match in MentionPattern().Matches(text))
        {
            var after = text.AsSpan(match.Index + match.Length);
            if (EndMentionPattern().IsMatch(after))
            {
                continue;
            }

            yield return new Entity(match.Index, match.Length, "@" + match.Groups["user"].Value);
        }
    }

    // Trailing punctuation ends a sentence rather than the URL; a closing bracket stays only when it closes one inside.
    private static int TrimUrlEnd(string url)
    {
        var length = url.Length;
        while (length > 0)
        {
            var last = url[length - 1];
            if (last is ')' or ']')
            {
                var open = last == ')' ? '(' : '[';
                var span = url.AsSpan(0, length);
                if (span.Count(open) >= span.Count(last))
                {
                    break;
                }
            }
            else if (!TrailingPunctuation.Contains(last))
            {
                break;
            }

            length--;
        }

        return length;
    }

    private const string TrailingPunctuation = ".,:;!?'\"…";

    private readonly record struct Entity(int Start, int Length, string Replacement);

    [GeneratedRegex(@"(?<![\p{L}\p{N}@＠$#＃_])https?://[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+(?::[0-9]+)?(?:[/?#][^\s<>""]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // Account::MENTION_RE: a local part, optionally @domain; not preceded by "=", "/" or a word character.
    [GeneratedRegex(@"(?<![=/\w])@(?<user>[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\w+(?:[.-]+\w+)*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    // twitter-text end_mention_match: what follows a mention must not be another at sign, a Latin accent or "://".
    [GeneratedRegex(@"\A(?:[@＠]|[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f]|://)")]
    private static partial Regex EndMentionPattern();
}
