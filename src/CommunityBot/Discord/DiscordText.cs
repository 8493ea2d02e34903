namespace CommunityBot.Discord;

/// <summary>Cutting text to Discord's limits without breaking a word or a surrogate pair.</summary>
public static class DiscordText
{
    public static string Fit(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', limit - 2);
        if (cut < limit / 2)
        {
            cut = limit - 1;
        }
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut].TrimEnd() + "…";
    }
}
