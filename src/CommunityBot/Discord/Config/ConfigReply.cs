using CommunityBot.Commands.Replies;

namespace CommunityBot.Discord.Config;

/// <summary>What /config says to the moderator (Discord Markdown), with the post it previews, if any.</summary>
public sealed record ConfigReply(string Text) : Reply
{
    public QuoteReply? Preview { get; init; }
}
