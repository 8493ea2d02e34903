namespace CommunityBot.Mastodon;

/// <summary>What an account does with a quote that does not fit one status (Mastodon:Accounts:N:LongQuotes).</summary>
public enum LongQuoteStyle
{
    /// <summary>Posts it whole as a short numbered thread, each status replying to the one before.</summary>
    Thread,

    /// <summary>Cuts it at a word with an ellipsis, in one status.</summary>
    Shorten,
}
