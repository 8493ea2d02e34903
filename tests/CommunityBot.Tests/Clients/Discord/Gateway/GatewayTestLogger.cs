using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

/// <summary>Keeps every log line, with its exception text, so tests can count them and search them for secrets.</summary>
public sealed class GatewayTestLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        _entries.Enqueue((logLevel, $"{formatter(state, exception)} {properties} {exception}"));
    }
}
