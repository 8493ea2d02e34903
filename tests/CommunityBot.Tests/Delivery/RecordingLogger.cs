using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Delivery;

/// <summary>Keeps each log entry's level, event id and structured fields, so tests assert on them rather than on prose.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId EventId, IReadOnlyDictionary<string, object?> Fields)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId EventId, IReadOnlyDictionary<string, object?> Fields)> Entries => [.. _entries];

    /// <summary>The structured fields of every entry with the event id.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> WithEventId(int eventId) =>
        [.. _entries.Where(e => e.EventId.Id == eventId).Select(e => e.Fields)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        _entries.Enqueue((logLevel, eventId, fields));
    }
}
