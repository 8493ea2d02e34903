using System.Globalization;
using CommunityBot.Content;

namespace CommunityBot.Commands;

/// <summary>Wording that every renderer shares, so an essay reads the same on the console, Discord and Mastodon.</summary>
public static class DisplayFormat
{
    /// <summary>The journal writes dates as "Apr 1, 2022".</summary>
    public static string Date(DateOnly? date) =>
        date?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) ?? "date not shown";

    /// <summary>A count with its noun agreeing: "1 problem", "2 problems", "0 problems".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>The essays "latest" cannot place, named so that a new undated essay is not lost from view.</summary>
    public static string Undated(IReadOnlyList<Essay> essays)
    {
        const int shown = 5;
        var more = essays.Count > shown ? $" and {essays.Count - shown} more" : "";
        return $"Undated (no date on the page, so never \"latest\"): {string.Join(", ", essays.Take(shown).Select(e => e.Title))}{more}";
    }

    public static string Quoted(string text) => $"“{text.Trim().Trim('"', '“', '”')}”";

    public static string Attribution(Quote quote) => quote.Source is null ? $"— {quote.Author}" : $"— {quote.Author}, {quote.Source}";

    public static string Credits(Essay essay)
    {
        var parts = new List<string>();
        if (essay.Authors.Count > 0)
        {
            parts.Add("Words: " + string.Join(", ", essay.Authors));
        }
        if (essay.Illustrators.Count > 0)
        {
            parts.Add("illustration: " + string.Join(", ", essay.Illustrators));
        }
        return string.Join(" / ", parts);
    }

    public static string Reference(Reference reference)
    {
        var parts = new[] { reference.Title, reference.Who, reference.Where, reference.When };
        var text = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return reference.Url is null ? text : $"{text} ({reference.Url})";
    }

    /// <summary>The start of a text, cut at a word, for a summary or a heading; at most <paramref name="maxLength"/> long.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }
        var cut = collapsed.LastIndexOf(' ', maxLength - 1);
        if (cut <= 0)
        {
            // No word to cut at: cut between characters, never inside one.
            cut = char.IsHighSurrogate(collapsed[maxLength - 2]) ? maxLength - 2 : maxLength - 1;
        }
        return collapsed[..cut] + "…";
    }
}
