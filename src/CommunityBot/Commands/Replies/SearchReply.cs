using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

public sealed record SearchReply(string Query, IReadOnlyList<SearchHit> Hits) : Reply;
