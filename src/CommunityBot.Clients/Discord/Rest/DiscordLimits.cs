namespace CommunityBot.Clients.Discord.Rest;

/// <summary>Discord's documented limits on messages, embeds and autocomplete.</summary>
// Discord answers 400 past any of these (developers/resources/message.mdx, Embed Limits).
public static class DiscordLimits
{
    public const int MessageContent = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooterText = 2048;
    public const int EmbedAuthorName = 256;

    // Title, description, field names and values, footer text and author name, summed over every embed of a message.
    public const int EmbedTotalCharacters = 6000;
    public const int AutocompleteChoices = 25;
}
