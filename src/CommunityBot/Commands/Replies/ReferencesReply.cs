using CommunityBot.Content;

namespace CommunityBot.Commands.Replies;

public sealed record ReferencesReply(Essay Essay, ReferenceListKind Kind, IReadOnlyList<Reference> Items) : Reply;
