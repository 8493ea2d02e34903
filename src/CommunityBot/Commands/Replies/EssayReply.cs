using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

public sealed record EssayReply(Essay Essay) : Reply;
