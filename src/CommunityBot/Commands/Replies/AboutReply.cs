using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

/// <param name="Latest">The essay with the newest published date.</param>
/// <param name="Undated">Essays whose page shows no date: they have no place in "latest".</param>
public sealed record AboutReply(string Publication, Uri SiteUrl, int EssayCount, int QuoteCount, Essay? Latest, IReadOnlyList<Essay> Undated) : Reply;
