using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

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
                Check($"embed {i} title", embed.Title, DiscordLimits.EmbedTitle, ref total)
                ?? Check($"embed {i} description", embed.Description, DiscordLimits.EmbedDescription, ref total)
                ?? Check($"embed {i} footer text", embed.Footer?.Text, DiscordLimits.EmbedFooterText, ref total)
                ?? Check($"embed {i} author name", embed.Author?.Name, DiscordLimits.EmbedAuthorName, ref total);
            if (violation is not null)
                return violation;

            var fields = embed.Fields ?? [];
            if (fields.Count > DiscordLimits.EmbedFields)
                return $"embed {i} has {fields.Count} fields (limit {DiscordLimits.EmbedFields})";
            for (var f = 0; f < fields.Count; f++)
            {
                violation = Check($"embed {i} field {f} name", fields[f].Name, DiscordLimits.EmbedFieldName, ref total)
                    ?? Check($"embed {i} field {f} value", fields[f].Value, DiscordLimits.EmbedFieldValue, ref total);
                if (violation is not null)
                    return violation;
            }
        }

        return total > DiscordLimits.EmbedTotalCharacters
            ? $"embeds total {total} characters (limit {DiscordLimits.EmbedTotalCharacters})"
            : null;
    }

    private static string? Check(string what, string? text, int limit, ref int total)
    {
        var length = Length(text);
        total += length;
        return length > limit ? $"{what} is {length} characters (limit {limit})" : null;
    }

    private static int Length(string? text) => text is null ? 0 : text.AsSpan().Trim().Length;
}
