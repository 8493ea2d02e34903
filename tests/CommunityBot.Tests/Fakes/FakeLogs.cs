using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Testing;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// Finds and awaits <see cref="FakeLogRecord"/>s by event id. A collector made by <see cref="Collector"/> wakes
/// its waiters through <see cref="FakeLogCollectorOptions.OutputSink"/>, which runs after each record is stored.
/// </summary>
internal static class FakeLogs
{
    private static readonly TimeSpan _defaultWait = TimeSpan.FromSeconds(5);
    private static readonly ConditionalWeakTable<FakeLogCollector, Func<Task>> _nextRecord = [];

    public static FakeLogCollector Collector()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions
        {
            OutputSink = _ => Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(),
        });
        _nextRecord.Add(collector, () => Volatile.Read(ref next).Task);
        return collector;
    }

    public static IReadOnlyList<FakeLogRecord> WithEventId(this FakeLogCollector logs, int eventId) =>
        [.. logs.GetSnapshot().Where(r => r.Id.Id == eventId)];

    /// <summary>All a log sink could write of a record (message, exception and every field), for checking that no secret leaks.</summary>
    public static string AllText(this FakeLogRecord record) =>
        $"{record.Message} {record.Exception} {string.Join(' ', record.StructuredState?.Select(field => $"{field.Key}={field.Value}") ?? [])}";

    /// <summary>Completes once a record with <paramref name="eventId"/> is there; fails after <paramref name="timeout"/> (5 s by default).</summary>
    public static Task WhenLogged(this FakeLogCollector logs, int eventId, TimeSpan? timeout = null) =>
        logs.WhenLogged(r => r.Id.Id == eventId, timeout);

    public static async Task WhenLogged(this FakeLogCollector logs, Func<FakeLogRecord, bool> match, TimeSpan? timeout = null)
    {
        if (!_nextRecord.TryGetValue(logs, out var nextRecord))
            throw new InvalidOperationException("Waiting needs a collector made by FakeLogs.Collector().");
        using var deadline = new CancellationTokenSource(timeout ?? _defaultWait);
        while (true)
        {
            // Taken before the look, so a record stored in between still wakes this wait.
            var next = nextRecord();
            if (logs.GetSnapshot().Any(match))
                return;
            await next.WaitAsync(deadline.Token);
        }
    }
}
