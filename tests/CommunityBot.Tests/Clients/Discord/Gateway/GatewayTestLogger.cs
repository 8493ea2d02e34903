using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

/// <summary>Keeps every log line, with its exception text, so tests can count them, wait for them and search them for secrets.</summary>
public sealed class GatewayTestLogger : ILogger
{
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, string Text)> _entries = [];
    private readonly List<(string Fragment, TaskCompletionSource Logged)> _waiters = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Entries
    {
        get
        {
            lock (_lock)
                return [.. _entries];
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        var text = $"{formatter(state, exception)} {properties} {exception}";
        lock (_lock)
        {
            _entries.Add((logLevel, text));
            foreach (var waiter in _waiters.Where(w => text.Contains(w.Fragment, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Logged.TrySetResult();
            }
        }
    }

    /// <summary>Completes once a line containing <paramref name="fragment"/> has been logged.</summary>
    public Task WaitForAsync(string fragment)
    {
        lock (_lock)
        {
            if (_entries.Any(e => e.Text.Contains(fragment, StringComparison.Ordinal)))
                return Task.CompletedTask;
            var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((fragment, logged));
            return logged.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
