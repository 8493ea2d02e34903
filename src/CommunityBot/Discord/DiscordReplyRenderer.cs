using System.Text;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Discord.Config;

namespace CommunityBot.Discord;

/// <summary>
/// Turns reply models into Discord messages: embeds within every documented limit, paging buttons for lists,
/// and problems as ephemeral messages. No message the bot sends can ping anyone, and every text that comes from
/// an essay or a user is escaped, so none of it renders as Markdown; the bot's own wording and links are not.
/// </summary>
public static class DiscordReplyRenderer
{
    public const string EssaysPagePrefix = "essays:page:";
    private const int Colour = 0x8E3B46;

    public static JsonInteractionCallbackData Render(Reply reply) => reply switch
    {
        QuoteReply quote => Message(QuoteEmbed(quote)),
        EssayReply essay => Message(EssayEmbed(essay.Essay)),
        EssayListReply list => Message(ListEmbed(list)) with { Components = [PagingButtons(list)] },
        ReferencesReply references => Message(ReferencesEmbed(references)),
        SearchReply search => Message(SearchEmbed(search)),
        AboutReply about => Message(AboutEmbed(about)),
        HelpReply help => Message(HelpEmbed(help)),
        ProblemReply problem => Ephemeral(ProblemText(problem)),
        ConfigReply config => Ephemeral(config.Text) with { Embeds = config.Preview is { } preview ? [QuoteEmbed(preview)] : null },
        _ => throw new ArgumentException($"No Discord rendering for {reply.GetType().Name}", nameof(reply)),
    };

    public static JsonInteractionCallbackData Ephemeral(string text) => new()
    {
        Content = DiscordText.Fit(text, DiscordLimits.MessageContent),
        Flags = MessageFlags.Ephemeral,
        AllowedMentions = JsonAllowedMentions.None,
    };

    private static JsonInteractionCallbackData Message(JsonEmbed embed) => new()
    {
        Embeds = [embed],
        AllowedMentions = JsonAllowedMentions.None,
    };

    private static JsonEmbed QuoteEmbed(QuoteReply reply)
    {
        var (quote, essay) = (reply.Entry.Quote, reply.Entry.Essay);
        var attribution = DiscordText.FitEscaped(DisplayFormat.Attribution(quote), DiscordLimits.EmbedDescription / 4);
        return new JsonEmbed
        {
            Title = Title(essay.Title),
            Url = essay.Url?.ToString(),
            Description = DiscordText.FitEscaped(DisplayFormat.Quoted(quote.Text), DiscordLimits.EmbedDescription - attribution.Length - 2) + "\n" + attribution,
            Color = Colour,
            Footer = new JsonEmbedFooter { Text = $"{(reply.Entry.IsEpigraph ? "Epigraph" : "Quoted in the essay")} · {DisplayFormat.Date(essay.Published)}" },
        };
    }

    private static JsonEmbed EssayEmbed(Essay essay)
    {
        var description = new StringBuilder();
        if (essay.Epigraph is { } epigraph)
        {
            description.Append(DiscordText.FitEscaped(DisplayFormat.Quoted(epigraph.Text), 1500)).Append('\n').Append(DiscordText.Escape(DisplayFormat.Attribution(epigraph))).Append("\n\n");
        }
        if (essay.HasBody)
        {
            description.Append(DiscordText.Escape(DisplayFormat.Excerpt(essay.BodyText, 1200)));
        }
        var fields = new List<JsonEmbedField> { Field("Published", DisplayFormat.Date(essay.Published)) };
        if (DisplayFormat.Credits(essay) is { Length: > 0 } credits)
        {
            fields.Add(Field("Credits", DiscordText.Escape(credits)));
        }
        fields.Add(Field("In the essay", $"{DisplayFormat.Count(essay.Quotes.Count, "quote")} · {DisplayFormat.Count(essay.References.Count, "reference")} · {DisplayFormat.Count(essay.FurtherResources.Count, "further resource")}"));
        return new JsonEmbed
        {
            Title = Title(essay.Title),
            Url = essay.Url?.ToString(),
            Description = description.Length == 0 ? null : DiscordText.Fit(description.ToString().Trim(), DiscordLimits.EmbedDescription),
            Color = Colour,
            Fields = fields,
        };
    }

    private static JsonEmbed ListEmbed(EssayListReply list) => new()
    {
        Title = $"Essays · page {list.Page} of {list.PageCount}",
        Description = string.Join('\n', list.Essays.Select(e => $"**{Title(e.Title)}** · {DisplayFormat.Date(e.Published)}")),
        Color = Colour,
        Footer = new JsonEmbedFooter { Text = $"{DisplayFormat.Count(list.Total, "essay")} · /essay essay:<title> for one" },
    };

    private static JsonComponent PagingButtons(EssayListReply list) => new()
    {
        Type = JsonComponent.ActionRowType,
        Components =
        [
            Button("Previous", list.Page - 1, disabled: list.Page <= 1),
            Button("Next", list.Page + 1, disabled: list.Page >= list.PageCount),
        ],
    };

    // The page lives in the button's custom_id, so a button still works after the bot restarts.
    private static JsonComponent Button(string label, int page, bool disabled) => new()
    {
        Type = JsonComponent.ButtonType,
        Style = 2,
        Label = label,
        CustomId = EssaysPagePrefix + Math.Max(1, page),
        Disabled = disabled,
    };

    private static JsonEmbed ReferencesEmbed(ReferencesReply reply)
    {
        var heading = reply.Kind == ReferenceListKind.References ? "References" : "Further resources";
        var title = Title($"{heading} · {reply.Essay.Title}");
        // 25 full fields hold far more than the 6,000 characters an embed may have in all; the rest are counted in the footer.
        var budget = DiscordLimits.EmbedTotalCharacters - title.Length - 100;
        var fields = new List<JsonEmbedField>();
        foreach (var item in reply.Items.Take(DiscordLimits.EmbedFields))
        {
            var parts = new[] { item.Who, item.Where, item.When, item.Note }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => DiscordText.Escape(p!));
            var detail = string.Join(" · ", item.Url is { } url ? parts.Append(DiscordText.Link(url)) : parts);
            var field = Field(DiscordText.Escape(item.Title), detail.Length > 0 ? detail : "—");
            budget -= field.Name.Length + field.Value.Length;
            if (budget < 0)
            {
                break;
            }
            fields.Add(field);
        }
        var notShown = reply.Items.Count - fields.Count;
        return new JsonEmbed
        {
            Title = title,
            Url = reply.Essay.Url?.ToString(),
            Description = reply.Items.Count == 0 ? "None are recorded for this essay." : null,
            Color = Colour,
            Fields = fields,
            Footer = notShown > 0 ? new JsonEmbedFooter { Text = $"{notShown} more not shown here; the essay's page lists them all" } : null,
        };
    }

    private static JsonEmbed SearchEmbed(SearchReply reply) => new()
    {
        Title = Title($"Search · {reply.Query}"),
        Color = Colour,
        Fields = [.. reply.Hits.Take(DiscordLimits.EmbedFields).Select(hit => Field(
            DiscordText.FitEscaped($"{hit.Essay.Title} · {DisplayFormat.Date(hit.Essay.Published)}", DiscordLimits.EmbedFieldName),
            $"{hit.Field}: {DiscordText.Escape(hit.Snippet)}"))],
    };

    private static JsonEmbed AboutEmbed(AboutReply about) => new()
    {
        Title = Title(about.Publication),
        Url = about.SiteUrl.ToString(),
        Description = $"CommunityBot serves {DisplayFormat.Count(about.EssayCount, "essay")} and {DisplayFormat.Count(about.QuoteCount, "quote")} of {DiscordText.Escape(about.Publication)}."
            + (about.Latest is { } latest ? $"\nLatest: **{DiscordText.Escape(latest.Title)}** · {DisplayFormat.Date(latest.Published)}" : "")
            + (about.Undated.Count > 0 ? "\n" + DiscordText.Escape(DisplayFormat.Undated(about.Undated)) : ""),
        Color = Colour,
    };

    private static JsonEmbed HelpEmbed(HelpReply help) => new()
    {
        Title = "Commands",
        Description = string.Join('\n', help.Commands.Select(c => $"`/{c.Usage}` {c.Description}")),
        Color = Colour,
    };

    private static string ProblemText(ProblemReply problem) =>
        problem.Suggestions.Count == 0 ? problem.Message : $"{problem.Message}\nDid you mean: {string.Join(", ", problem.Suggestions.Select(DiscordText.Escape))}?";

    private static JsonEmbedField Field(string name, string value) => new()
    {
        Name = DiscordText.Fit(name, DiscordLimits.EmbedFieldName),
        Value = DiscordText.Fit(value, DiscordLimits.EmbedFieldValue),
    };

    /// <summary>Every title holds an essay's title or a user's words.</summary>
    private static string Title(string text) => DiscordText.FitEscaped(text, DiscordLimits.EmbedTitle);
}
