using CommunityBot.Commands;
using CommunityBot.Content;

namespace CommunityBot.Cards;

/// <summary>
/// What one card shows, fixed when its post is queued: a retry renders the same card, so the same bytes, whatever the
/// configuration or the corpus say by then.
/// </summary>
public sealed record QuoteCard(string Quote, string Author, string Title, string Journal, CardTheme Theme, CardShape Shape)
{
    private const string Ellipsis = "…";

    public static QuoteCard For(QuoteEntry entry, string journal, CardTheme theme, CardShape shape) =>
        new(entry.Quote.Text.Trim(), DisplayFormat.Attribution(entry.Quote)[2..], entry.Essay.Title, journal, theme, shape);

    /// <summary>
    /// The image's description: the whole quote and who said it, then where it is from, so that a reader who cannot see
    /// the card misses nothing. Past <paramref name="limit"/> characters (an instance's description_limit, Discord's
    /// 1,024) the quote is cut at a word, the attribution never.
    /// </summary>
    public string AltText(int limit)
    {
        var attribution = $"\n— {Author}, in “{Title}”, {Journal}";
        var quoted = DisplayFormat.Quoted(Quote);
        if (quoted.Length + attribution.Length <= limit)
        {
            return quoted + attribution;
        }
        // Room for the quote between its marks and before the ellipsis; lengths in UTF-16 units, never fewer than the
        // characters a server counts.
        var room = limit - attribution.Length - 3;
        if (room < 1)
        {
            var whole = quoted + attribution;
            return whole[..SafeLength(whole, limit - Ellipsis.Length)] + Ellipsis;
        }
        var quote = Quote.Trim().Trim('"', '“', '”');
        var cut = quote.LastIndexOf(' ', room);
        var kept = quote[..SafeLength(quote, cut > room / 2 ? cut : room)].TrimEnd(',', ';', ':', '.', ' ');
        return $"“{kept}{Ellipsis}”{attribution}";
    }

    // Never between the halves of a surrogate pair.
    private static int SafeLength(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? length - 1 : Math.Max(0, length);
}
