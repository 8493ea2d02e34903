using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

/// <param name="Matches">How many quotes matched the request; this one was chosen among them.</param>
public sealed record QuoteReply(QuoteEntry Entry, int Matches) : Reply;
