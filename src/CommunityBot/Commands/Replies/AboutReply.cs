using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

public sealed record AboutReply(string Publication, Uri SiteUrl, int EssayCount, int QuoteCount, Essay? Latest) : Reply;
