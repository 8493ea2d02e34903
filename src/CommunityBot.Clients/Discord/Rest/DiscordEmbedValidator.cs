using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

/// <summary>Checks an embed against Discord's limits before it is sent, so that a refusal names the field.</summary>
// Names the first limit a message breaks, so the renderer can trim before Discord refuses it.
// Discord trims leading and trailing whitespace before counting, and so does this.
public static class DiscordEmbedValidator
{
    public static string? FindViolation(JsonEmbed embed) => FindViolation(null, [embed]);

    public static string? FindViolation(string? content, IReadOnlyList<JsonEmbed>? embeds)
    {
        if (Length(content) > DiscordLimits.MessageContent)
            return $"content is {Length(content)} characters (limit {DiscordLimits.MessageContent})";
        if (embeds is null)
            return null;
        if (embeds.Count > DiscordLimits.EmbedsPerMessage)
            return $"{embeds.Count} embeds (limit {DiscordLimits.EmbedsPerMessage})";

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i];
            var violation =
                Check(i, null, "title", embed.Title, DiscordLimits.EmbedTitle, ref total)
                ?? Check(i, null, "description", embed.Description, DiscordLimits.EmbedDescription, ref total)
                ?? Check(i, null, "footer text", embed.Footer?.Text, DiscordLimits.EmbedFooterText, ref total)
                ?? Check(i, null, "author name", embed.Author?.Name, DiscordLimits.EmbedAuthorName, ref total);
            if (violation is not null)
                return violation;

            var fields = embed.Fields ?? [];
            if (fields.Count > DiscordLimits.EmbedFields)
                return $"embed {i} has {fields.Count} fields (limit {DiscordLimits.EmbedFields})";
            for (var f = 0; f < fields.Count; f++)
            {
                violation = Check(i, f, "name", fields[f].Name, DiscordLimits.EmbedFieldName, ref total)
                    ?? Check(i, f, "value", fields[f].Value, DiscordLimits.EmbedFieldValue, ref total);
                if (violation is not null)
                    return violation;
            }
        }

        return total > DiscordLimits.EmbedTotalCharacters
            ? $"embeds total {total} characters (limit {DiscordLimits.EmbedTotalCharacters})"
            : null;
    }

    private static string? Check(int embed, int? field, string what, string? text, int limit, ref int total)
    {
        var length = Length(text);
        total += length;
        if (length <= limit)
            return null;
        return field is null
            ? $"embed {embed} {what} is {length} characters (limit {limit})"
            : $"embed {embed} field {field} {what} is {length} characters (limit {limit})";
    }

    private static int Length(string? text) => text is null ? 0 : text.AsSpan().Trim().Length;
}
