using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Announcements;

/// <summary>One log call as the logger received it: level, event id and the message's named values.</summary>
internal sealed record StructuredLogEntry(LogLevel Level, int EventId, IReadOnlyDictionary<string, object?> Fields)
{
    public object? this[string field] => Fields.GetValueOrDefault(field);
}
