using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

public sealed record EssayListReply(IReadOnlyList<Essay> Essays, int Page, int PageCount, int Total) : Reply;
