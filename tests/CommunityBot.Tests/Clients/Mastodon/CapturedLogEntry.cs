using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Clients.Mastodon;

/// <summary>One log entry as structured data: what a test asserts on instead of the message's wording.</summary>
internal sealed record CapturedLogEntry(LogLevel Level, EventId EventId, IReadOnlyDictionary<string, object?> Fields);
