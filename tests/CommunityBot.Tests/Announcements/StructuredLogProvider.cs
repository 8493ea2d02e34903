using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Announcements;

/// <summary>Keeps every log call's event id and named values, so a test asserts on fields, not on wording.</summary>
internal sealed class StructuredLogProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<StructuredLogEntry> _entries = new();

    public IReadOnlyCollection<StructuredLogEntry> Entries => _entries;

    public IEnumerable<StructuredLogEntry> WithEventId(int eventId) => _entries.Where(e => e.EventId == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<StructuredLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            entries.Enqueue(new StructuredLogEntry(logLevel, eventId.Id, fields));
        }
    }
}
