using System.Globalization;
using System.Text;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Commands;
using CommunityBot.Content;

namespace CommunityBot.Mastodon;

/// <summary>
/// Writes statuses that fit the instance's budget as the server counts it (URLs as a fixed length, graphemes,
/// the content warning included). A quote that does not fit goes out as a numbered thread (the account's
/// <see cref="MastodonAccountOptions.LongQuotes"/>), cut at sentences or words, the attribution, title, link and
/// hashtags in the last part only; or, shortened, cut at a word with an ellipsis. The attribution, the title and the
/// link are never cut. Titles, quotes and links may come from a feed, a stranger's text: none of them can mention or
/// tag anyone (<see cref="InertText"/>); only the account's own hashtags are real ones.
/// </summary>
public static class MastodonStatusComposer
{
    private const string Ellipsis = "…";

    /// <summary>The most statuses one thread takes; a text longer than that is shortened to fit them.</summary>
    public const int MaxThreadParts = 5;

    private const string OpenQuote = "“";
    private const string CloseQuote = "”";

    public static string Epigraph(QuoteEntry entry, MastodonAccountOptions account, StatusBudget budget) =>
        Fit(InertText.Of(entry.Quote.Text), quote => $"{DisplayFormat.Quoted(quote)}\n{EpigraphTail(entry, account)}", account, budget);

    /// <summary>The epigraph as one status, or as a thread when it does not fit one and the account threads long quotes.</summary>
    public static IReadOnlyList<string> EpigraphParts(QuoteEntry entry, MastodonAccountOptions account, StatusBudget budget) =>
        Parts(InertText.Of(entry.Quote.Text), "", $"\n{EpigraphTail(entry, account)}", account, budget, () => Epigraph(entry, account, budget));

    public static string Announcement(Essay essay, MastodonAccountOptions account, StatusBudget budget)
    {
        var epigraph = essay.Epigraph;
        var heading = AnnouncementHeading(essay);
        return epigraph is null
            ? Fit("", _ => $"{heading}\n\n{Footer(essay, account, withTitle: false)}", account, budget)
            : Fit(InertText.Of(epigraph.Text), quote => $"{heading}\n\n{DisplayFormat.Quoted(quote)}\n{AnnouncementTail(essay, epigraph, account)}", account, budget);
    }

    /// <summary>The announcement as one status, or as a thread when its epigraph does not fit one and the account threads long quotes.</summary>
    public static IReadOnlyList<string> AnnouncementParts(Essay essay, MastodonAccountOptions account, StatusBudget budget) =>
        essay.Epigraph is not { } epigraph
            ? [Announcement(essay, account, budget)]
            : Parts(InertText.Of(epigraph.Text), $"{AnnouncementHeading(essay)}\n\n", $"\n{AnnouncementTail(essay, epigraph, account)}", account, budget,
                () => Announcement(essay, account, budget));

    /// <summary>
    /// A reply to a mention: the asker's handle, then as much of the answer as fits, cut at a word. The answer may repeat
    /// what the asker typed, so nothing in it may mention or tag anyone: the asker is the only one the reply reaches.
    /// </summary>
    public static string Reply(string askerAcct, string answer, MastodonAccountOptions account, StatusBudget budget) =>
        Fit(InertText.Of(answer), text => $"@{askerAcct} {text}", account, budget);

    /// <summary>The reply as one status, or as a thread each part of which is addressed to the asker alone.</summary>
    public static IReadOnlyList<string> ReplyParts(string askerAcct, string answer, MastodonAccountOptions account, StatusBudget budget)
    {
        var text = InertText.Of(answer);
        if (account.LongQuotes == LongQuoteStyle.Shorten || Fits($"@{askerAcct} {text}", account, budget))
        {
            return [Reply(askerAcct, answer, account, budget)];
        }
        return Thread(Words(text), $"@{askerAcct} ", "", "", account, budget);
    }

    private static string AnnouncementHeading(Essay essay) => $"New in the journal: {InertText.Of(essay.Title)}";

    private static string EpigraphTail(QuoteEntry entry, MastodonAccountOptions account) =>
        $"— {InertText.Of(entry.Quote.Author)}\n\n{Footer(entry.Essay, account)}";

    private static string AnnouncementTail(Essay essay, Quote epigraph, MastodonAccountOptions account) =>
        $"— {InertText.Of(epigraph.Author)}\n\n{Footer(essay, account, withTitle: false)}";

    // A quote between its marks: the first part opens them, the last closes them before the tail.
    private static List<string> Parts(string quote, string head, string tail, MastodonAccountOptions account, StatusBudget budget, Func<string> single)
    {
        var inner = DisplayFormat.Quoted(quote)[OpenQuote.Length..^CloseQuote.Length];
        if (account.LongQuotes == LongQuoteStyle.Shorten || Fits($"{head}{OpenQuote}{inner}{CloseQuote}{tail}", account, budget))
        {
            return [single()];
        }
        return Thread(Words(inner), "", head + OpenQuote, CloseQuote + tail, account, budget);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The words as numbered statuses ("2/3 "), each as full as the budget allows, ending at a sentence where one ends
    /// in the second half of what fits; every part starts with <paramref name="prefix"/>, the first has
    /// <paramref name="head"/> before its words and the last <paramref name="tail"/> after them. A text that needs
    /// more than <see cref="MaxThreadParts"/> is shortened with an ellipsis until it fits that many.
    /// </summary>
    private static List<string> Thread(string[] words, string prefix, string head, string tail, MastodonAccountOptions account, StatusBudget budget)
    {
        var parts = Split(words, prefix, head, tail, account, budget);
        if (parts.Count <= MaxThreadParts)
        {
            return parts;
        }
        var (low, high) = (0, words.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Split(Words(Cut(words, middle)), prefix, head, tail, account, budget).Count <= MaxThreadParts)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return Split(Words(Cut(words, low)), prefix, head, tail, account, budget);
    }

    // The numbering's width depends on the count, which depends on the numbering: split again until they agree.
    private static List<string> Split(string[] words, string prefix, string head, string tail, MastodonAccountOptions account, StatusBudget budget)
    {
        var count = 2;
        for (var attempt = 0; ; attempt++)
        {
            var parts = SplitAs(count, words, prefix, head, tail, account, budget);
            if (parts.Count == count || attempt == 3)
            {
                return parts;
            }
            count = parts.Count;
        }
    }

    private static List<string> SplitAs(int count, string[] words, string prefix, string head, string tail, MastodonAccountOptions account, StatusBudget budget)
    {
        var parts = new List<string>();
        var position = 0;
        while (position < words.Length)
        {
            var number = parts.Count + 1;
            string Compose(int taken, bool last) => string.Create(CultureInfo.InvariantCulture,
                $"{prefix}{number}/{count} {(number == 1 ? head : "")}{string.Join(' ', words, position, taken)}{(last ? tail : "")}");
            var left = words.Length - position;
            if (Fits(Compose(left, last: true), account, budget))
            {
                parts.Add(Compose(left, last: true));
                break;
            }
            // At least one word stays for the last part, which carries the tail.
            var (low, high) = (0, left - 1);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Fits(Compose(middle, last: false), account, budget))
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }
            if (low == 0 || !Fits(Compose(low, last: false), account, budget))
            {
                throw OverBudget(account, budget);
            }
            var taken = SentenceEnd(words, position, low);
            parts.Add(Compose(taken, last: false));
            position += taken;
        }
        return parts;
    }

    // The last sentence end among the first <paramref name="fitting"/> words, when it is in the second half of them.
    private static int SentenceEnd(string[] words, int start, int fitting)
    {
        for (var taken = fitting; taken > fitting / 2; taken--)
        {
            if (words[start + taken - 1].TrimEnd('"', '”', '’', '\'', ')', '»') is { Length: > 0 } word && ".!?…;".Contains(word[^1], StringComparison.Ordinal))
            {
                return taken;
            }
        }
        return fitting;
    }

    private static string Footer(Essay essay, MastodonAccountOptions account, bool withTitle = true)
    {
        var footer = new StringBuilder();
        if (withTitle)
        {
            footer.Append(InertText.Of(essay.Title));
        }
        if (essay.Url is { } url)
        {
            footer.Append(footer.Length > 0 ? "\n" : "").Append(InertText.InertLink(url.AbsoluteUri));
        }
        var tags = account.Hashtags.Select(Hashtag).Where(t => t.Length > 1).ToList();
        if (tags.Count > 0)
        {
            footer.Append("\n\n").AppendJoin(' ', tags);
        }
        return footer.ToString();
    }

    private static string Hashtag(string tag) => "#" + new string([.. tag.TrimStart('#').Where(char.IsLetterOrDigit)]);

    /// <summary>The longest start of <paramref name="text"/>, cut at a word, whose status fits the budget.</summary>
    private static string Fit(string text, Func<string, string> compose, MastodonAccountOptions account, StatusBudget budget)
    {
        if (Fits(compose(text), account, budget))
        {
            return compose(text);
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (low, high) = (0, words.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(compose(Cut(words, middle)), account, budget))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        var status = compose(Cut(words, low));
        return Fits(status, account, budget) ? status : throw OverBudget(account, budget);
    }

    private static InvalidOperationException OverBudget(MastodonAccountOptions account, StatusBudget budget) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Even without its text the status is over the {budget.MaxCharacters}-character budget of account {account.Name}: shorten its hashtags or content warning."));

    private static string Cut(string[] words, int count) =>
        count == 0 ? Ellipsis : string.Join(' ', words.Take(count)).TrimEnd(',', ';', ':', '.', '—', '-') + Ellipsis;

    private static bool Fits(string status, MastodonAccountOptions account, StatusBudget budget) =>
        MastodonTextCounter.Count(status, account.ContentWarning, budget.CharactersReservedPerUrl) <= budget.MaxCharacters;
}
