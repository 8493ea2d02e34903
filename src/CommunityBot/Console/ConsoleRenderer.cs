using System.Text;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;

namespace CommunityBot.Console;

/// <summary>Turns reply models into plain text for the terminal.</summary>
public static class ConsoleRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        switch (reply)
        {
            case QuoteReply quote:
                var entry = quote.Entry;
                text.AppendLine(DisplayFormat.Quoted(entry.Quote.Text));
                text.AppendLine(DisplayFormat.Attribution(entry.Quote));
                text.Append(entry.IsEpigraph ? "  epigraph of " : "  quoted in ").AppendLine($"“{entry.Essay.Title}” ({DisplayFormat.Date(entry.Essay.Published)})");
                AppendLink(text, entry.Essay.Url);
                break;
            case EssayReply { Essay: var essay }:
                text.AppendLine(essay.Title);
                text.AppendLine(DisplayFormat.Date(essay.Published));
                AppendIf(text, DisplayFormat.Credits(essay));
                if (essay.Epigraph is { } epigraph)
                {
                    text.AppendLine().AppendLine(DisplayFormat.Quoted(epigraph.Text)).AppendLine(DisplayFormat.Attribution(epigraph));
                }
                if (essay.HasBody)
                {
                    text.AppendLine().AppendLine(DisplayFormat.Excerpt(essay.BodyText, 400));
                }
                text.AppendLine();
                text.AppendLine($"{DisplayFormat.Count(essay.Quotes.Count, "quote")}, {DisplayFormat.Count(essay.References.Count, "reference")}, {DisplayFormat.Count(essay.FurtherResources.Count, "further resource")}");
                AppendLink(text, essay.Url);
                break;
            case EssayListReply list:
                text.AppendLine($"Essays, page {list.Page} of {list.PageCount} ({list.Total} in all):");
                foreach (var essay in list.Essays)
                {
                    text.AppendLine($"  {DisplayFormat.Date(essay.Published),-16} {essay.Title}  [{essay.Slug}]");
                }
                if (list.Page < list.PageCount)
                {
                    text.AppendLine($"Next: essays {list.Page + 1}");
                }
                break;
            case ReferencesReply references:
                var heading = references.Kind == ReferenceListKind.References ? "References" : "Further resources";
                text.AppendLine($"{heading} of “{references.Essay.Title}”:");
                if (references.Items.Count == 0)
                {
                    text.AppendLine("  none are recorded for this essay.");
                }
                foreach (var item in references.Items)
                {
                    text.AppendLine("  • " + DisplayFormat.Reference(item));
                    AppendIf(text, item.Note is null ? "" : "    " + item.Note);
                }
                break;
            case SearchReply search:
                text.AppendLine($"Results for “{search.Query}”:");
                foreach (var hit in search.Hits)
                {
                    text.AppendLine($"  {hit.Essay.Title} ({DisplayFormat.Date(hit.Essay.Published)}) [{hit.Essay.Slug}]");
                    text.AppendLine($"    {hit.Field}: {hit.Snippet}");
                }
                break;
            case AboutReply about:
                text.AppendLine($"CommunityBot serves {about.Publication}: {DisplayFormat.Count(about.EssayCount, "essay")} and {DisplayFormat.Count(about.QuoteCount, "quote")}.");
                text.AppendLine(about.SiteUrl.ToString());
                if (about.Latest is { } latest)
                {
                    text.AppendLine($"Latest: {latest.Title} ({DisplayFormat.Date(latest.Published)})");
                }
                if (about.Undated.Count > 0)
                {
                    text.AppendLine(DisplayFormat.Undated(about.Undated));
                }
                break;
            case HelpReply help:
                text.AppendLine("Commands:");
                foreach (var command in help.Commands)
                {
                    text.AppendLine($"  {command.Usage,-36} {command.Description}");
                }
                text.AppendLine("Options can also be named: quote --author camus --essay sites of protest");
                break;
            case ProblemReply problem:
                text.AppendLine(problem.Message);
                if (problem.Suggestions.Count > 0)
                {
                    text.AppendLine("Did you mean: " + string.Join(", ", problem.Suggestions) + "?");
                }
                break;
            default:
                throw new ArgumentException($"No console rendering for {reply.GetType().Name}", nameof(reply));
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>As <see cref="Render"/>, for the person at local mode's prompt: help also names the way out.</summary>
    public static string RenderForPrompt(Reply reply)
    {
        var text = Render(reply);
        return reply is HelpReply
            ? text + Environment.NewLine + $"At the prompt: {string.Join(" or ", LocalConsole.QuitWords)} stops local mode, as do end of input (Ctrl+D) and Ctrl+C."
            : text;
    }

    private static void AppendLink(StringBuilder text, Uri? url)
    {
        if (url is not null)
        {
            text.AppendLine(url.ToString());
        }
    }

    private static void AppendIf(StringBuilder text, string line)
    {
        if (line.Length > 0)
        {
            text.AppendLine(line);
        }
    }
}
