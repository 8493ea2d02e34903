using System.Globalization;
using System.Text;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Commands;
using CommunityBot.Content;

namespace CommunityBot.Mastodon;

/// <summary>
/// Writes statuses that fit the instance's budget as the server counts it (URLs as a fixed length, graphemes,
/// the content warning included). A quote that does not fit is cut at a word with an ellipsis; the attribution,
/// the title and the link are never cut. Titles, quotes and links may come from a feed, a stranger's text: none of
/// them can mention or tag anyone (<see cref="InertText"/>); only the account's own hashtags are real ones.
/// </summary>
public static class MastodonStatusComposer
{
    private const string Ellipsis = "…";

    public static string Epigraph(QuoteEntry entry, MastodonAccountOptions account, StatusBudget budget) =>
        Fit(InertText.Of(entry.Quote.Text), quote => $"{DisplayFormat.Quoted(quote)}\n— {InertText.Of(entry.Quote.Author)}\n\n{Footer(entry.Essay, account)}", account, budget);

    public static string Announcement(Essay essay, MastodonAccountOptions account, StatusBudget budget)
    {
        var epigraph = essay.Epigraph;
        var heading = $"New in the journal: {InertText.Of(essay.Title)}";
        return epigraph is null
            ? Fit("", _ => $"{heading}\n\n{Footer(essay, account, withTitle: false)}", account, budget)
            : Fit(InertText.Of(epigraph.Text), quote => $"{heading}\n\n{DisplayFormat.Quoted(quote)}\n— {InertText.Of(epigraph.Author)}\n\n{Footer(essay, account, withTitle: false)}", account, budget);
    }

    /// <summary>
    /// A reply to a mention: the asker's handle, then as much of the answer as fits, cut at a word. The answer may repeat
    /// what the asker typed, so nothing in it may mention or tag anyone: the asker is the only one the reply reaches.
    /// </summary>
    public static string Reply(string askerAcct, string answer, MastodonAccountOptions account, StatusBudget budget) =>
        Fit(InertText.Of(answer), text => $"@{askerAcct} {text}", account, budget);

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
        return Fits(status, account, budget)
            ? status
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Even without its text the status is over the {budget.MaxCharacters}-character budget of account {account.Name}: shorten its hashtags or content warning."));
    }

    private static string Cut(string[] words, int count) =>
        count == 0 ? Ellipsis : string.Join(' ', words.Take(count)).TrimEnd(',', ';', ':', '.', '—', '-') + Ellipsis;

    private static bool Fits(string status, MastodonAccountOptions account, StatusBudget budget) =>
        MastodonTextCounter.Count(status, account.ContentWarning, budget.CharactersReservedPerUrl) <= budget.MaxCharacters;
}
