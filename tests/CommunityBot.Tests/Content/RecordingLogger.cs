using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Content;

/// <summary>Keeps each log entry's event id and structured fields, so a test can assert on what was logged rather than on prose.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(EventId Id, IReadOnlyDictionary<string, object?> Fields)> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _logged = new();

    public IReadOnlyList<(EventId Id, IReadOnlyDictionary<string, object?> Fields)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
        _entries.Enqueue((eventId, fields));
        Logged(eventId.Id).TrySetResult();
    }

    /// <summary>Completes once an entry with <paramref name="eventId"/> has been logged.</summary>
    public Task WhenLogged(int eventId) => Logged(eventId).Task;

    private TaskCompletionSource Logged(int eventId) =>
        _logged.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
