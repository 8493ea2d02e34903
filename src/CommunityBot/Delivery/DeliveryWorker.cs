using System.Collections.Concurrent;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Sends the outbox. Each target has at most one row in flight, so its posts go out in order, and targets are
/// served side by side, so a slow or failing target never holds up another. A row is marked only after its
/// send answered; after a crash it is sent again with the same idempotency key, which the target deduplicates.
/// </summary>
public sealed partial class DeliveryWorker(
    OutboxRepository outbox,
    TargetHealthRepository health,
    IEnumerable<IDeliveryChannel> channels,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    // Rows whose send finished after the current batch was read: the batch still shows them pending.
    private readonly ConcurrentDictionary<long, bool> _finishedSinceRead = new();
    private readonly IDeliveryChannel[] _channels = [.. channels];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var storageFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await StartDueAsync(stoppingToken);
                if (storageFailures > 0)
                {
                    LogStorageBack();
                }
                storageFailures = 0;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // A locked or read-only database: say so once, wait longer each time, and carry on when it is writable.
                if (storageFailures++ == 0)
                {
                    LogStorageFailed(exception);
                }
                wait = TimeSpan.FromSeconds(Math.Min(60, 2 << Math.Min(storageFailures, 5)));
            }
            try
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task<TimeSpan> StartDueAsync(CancellationToken stoppingToken)
    {
        // Cleared before the read: a row marked before it is read as it now is, a row marked after it is listed here.
        _finishedSinceRead.Clear();
        foreach (var entry in await outbox.NextDueAsync(BatchSize, stoppingToken))
        {
            if (_inFlight.ContainsKey(entry.Target) || _finishedSinceRead.ContainsKey(entry.Id))
            {
                continue;
            }
            await outbox.ClaimAsync(entry.Id, stoppingToken);
            // The target is marked busy before its send starts, so a fast send cannot finish before it is marked.
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(entry.Target, done.Task))
            {
                _ = DeliverAsync(entry, done, stoppingToken);
            }
        }
        var next = await outbox.NextAttemptAtAsync(stoppingToken);
        var untilNext = next is { } due ? due - time.GetUtcNow() : options.Value.PollInterval;
        return untilNext < TimeSpan.Zero ? options.Value.PollInterval : Min(untilNext, options.Value.PollInterval);
    }

    private async Task DeliverAsync(OutboxEntry entry, TaskCompletionSource done, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var result = await SendAsync(entry, stoppingToken);
            switch (result.Outcome)
            {
                case SendOutcome.Delivered:
                    await outbox.MarkDeliveredAsync(entry.Id, result.RemoteId, CancellationToken.None);
                    await health.RecordSuccessAsync(entry.Target, CancellationToken.None);
                    LogDelivered(entry.Kind, entry.Target, entry.Id);
                    break;
                case SendOutcome.Retry:
                    var delay = Max(RetryDelay(entry.Attempts), result.RetryAfter ?? TimeSpan.Zero);
                    await outbox.MarkRetryAsync(entry.Id, result.Error ?? "retry", time.GetUtcNow() + delay, CancellationToken.None);
                    LogRetry(entry.Target, entry.Id, result.Error, delay);
                    break;
                default:
                    await outbox.MarkFailedAsync(entry.Id, result.Error ?? "rejected", CancellationToken.None);
                    var state = await health.RecordFailureAsync(entry.Target, result.Error ?? "rejected", options.Value.PauseAfterFailures, CancellationToken.None);
                    LogFailed(entry.Target, entry.Id, result.Error);
                    if (state.Paused)
                    {
                        LogPaused(entry.Target, state.ConsecutiveFailures);
                    }
                    break;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogCrashed(exception, entry.Target, entry.Id);
        }
        finally
        {
            _finishedSinceRead[entry.Id] = true;
            _inFlight.TryRemove(entry.Target, out _);
            done.SetResult();
            signal.Notify();
        }
    }

    private async Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken stoppingToken)
    {
        var channel = DeliveryChannels.For(_channels, entry.Target);
        if (channel is null)
        {
            return SendResult.Permanent($"no delivery channel for target '{entry.Target}' is configured");
        }
        try
        {
            return await channel.SendAsync(entry, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return SendResult.Retry(exception.Message);
        }
    }

    private TimeSpan RetryDelay(int attempts) =>
        Min(FirstRetryDelay * Math.Pow(2, Math.Min(attempts, 20)), options.Value.MaxRetryDelay);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Kind} to {Target} (outbox row {Id})")]
    private partial void LogDelivered(string kind, string target, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Target} (outbox row {Id}) will be retried in {Delay}: {Error}")]
    private partial void LogRetry(string target, long id, string? error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) failed for good: {Error}")]
    private partial void LogFailed(string target, long id, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Target {Target} paused after {Failures} rejected posts in a row; /config resume (Discord) or a successful account check (Mastodon, at start and daily) starts it again")]
    private partial void LogPaused(string target, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) could not be recorded")]
    private partial void LogCrashed(Exception exception, string target, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox cannot be read or written; delivery waits until the database is writable again")]
    private partial void LogStorageFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outbox is readable again; delivery resumes")]
    private partial void LogStorageBack();
}
