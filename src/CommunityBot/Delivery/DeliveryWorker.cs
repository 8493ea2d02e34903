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
/// What an answer does to the row, its target and its transport is <see cref="SendOutcome"/>'s table; a row that
/// is failed is no longer pending, so the next row of its target goes.
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
    // Transports whose credential was refused (see TargetKey.Transport): nothing more is sent on them until a restart.
    private readonly ConcurrentDictionary<string, bool> _stopped = new(StringComparer.Ordinal);

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
        var readAt = time.GetUtcNow();
        var stopped = _stopped.Keys.ToArray();
        var due = await outbox.NextDueAsync(BatchSize, stopped, stoppingToken);
        var started = 0;
        foreach (var entry in due)
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
                started++;
                _ = DeliverAsync(entry, done, stoppingToken);
            }
        }
        if (due.Count == BatchSize && started > 0)
        {
            // More rows may be due than one read takes.
            return TimeSpan.Zero;
        }
        // Every row due at the read is in flight now, and its end wakes the worker; a row that fell due since the
        // read (the claims and the read take time) goes at once, not a poll later.
        var next = await outbox.NextDueAfterAsync(readAt, stopped, stoppingToken);
        var untilNext = next is { } at ? at - time.GetUtcNow() : options.Value.PollInterval;
        return Max(TimeSpan.Zero, Min(untilNext, options.Value.PollInterval));
    }

    private async Task DeliverAsync(OutboxEntry entry, TaskCompletionSource done, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var result = await SendAsync(entry, stoppingToken);
            await RecordAsync(entry, result);
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

    private async Task RecordAsync(OutboxEntry entry, SendResult result)
    {
        var error = result.Error ?? result.Outcome.ToString();
        switch (result.Outcome)
        {
            case SendOutcome.Delivered:
                await outbox.MarkDeliveredAsync(entry.Id, result.RemoteId, CancellationToken.None);
                await health.RecordSuccessAsync(entry.Target, CancellationToken.None);
                LogDelivered(entry.Kind, entry.Target, entry.Id);
                break;
            case SendOutcome.Retry:
                await RetryAsync(entry, error, result.RetryAfter, unexpected: false);
                break;
            case SendOutcome.Unexpected when entry.UnexpectedFailures + 1 < options.Value.MaxAttempts:
                await RetryAsync(entry, error, result.RetryAfter, unexpected: true);
                break;
            case SendOutcome.Unexpected:
                await outbox.MarkFailedAsync(entry.Id, error, unexpected: true, CancellationToken.None);
                LogDeadLettered(entry.Target, entry.Id, entry.UnexpectedFailures + 1, error);
                break;
            case SendOutcome.Invalid:
                await outbox.MarkFailedAsync(entry.Id, error, cancellationToken: CancellationToken.None);
                LogInvalid(entry.Target, entry.Id, error);
                break;
            case SendOutcome.Rejected:
                await outbox.MarkFailedAsync(entry.Id, error, cancellationToken: CancellationToken.None);
                var state = await health.RecordFailureAsync(entry.Target, error, options.Value.PauseAfterFailures, CancellationToken.None);
                LogRejected(entry.Target, entry.Id, error);
                if (state.Paused)
                {
                    LogPaused(entry.Target, state.ConsecutiveFailures);
                }
                break;
            case SendOutcome.Stopped:
                // The row is left as it was: it was not the row's fault, and it goes once a working credential is in.
                var transport = TargetKey.TryParse(entry.Target, out var key) ? key.Transport : entry.Target;
                if (_stopped.TryAdd(transport, true))
                {
                    LogTransportStopped(transport, error);
                }
                break;
        }
    }

    private async Task RetryAsync(OutboxEntry entry, string error, TimeSpan? retryAfter, bool unexpected)
    {
        var delay = Max(RetryDelay(entry.Attempts), retryAfter ?? TimeSpan.Zero);
        await outbox.MarkRetryAsync(entry.Id, error, time.GetUtcNow() + delay, unexpected, CancellationToken.None);
        LogRetry(entry.Target, entry.Id, error, delay);
    }

    private async Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken stoppingToken)
    {
        var channel = DeliveryChannels.For(_channels, entry.Target);
        if (channel is null)
        {
            return SendResult.Invalid($"no delivery channel for target '{entry.Target}' is configured");
        }
        try
        {
            return await channel.SendAsync(entry, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return SendResult.Unexpected(exception.Message);
        }
    }

    private TimeSpan RetryDelay(int attempts) =>
        Min(FirstRetryDelay * Math.Pow(2, Math.Min(attempts, 20)), options.Value.MaxRetryDelay);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Delivered {Kind} to {Target} (outbox row {Id})")]
    private partial void LogDelivered(string kind, string target, long id);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Delivery to {Target} (outbox row {Id}) will be retried in {Delay}: {Error}")]
    private partial void LogRetry(string target, long id, string? error, TimeSpan delay);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) failed: the post was refused: {Error}")]
    private partial void LogInvalid(string target, long id, string error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) failed: the target refused it: {Error}")]
    private partial void LogRejected(string target, long id, string error);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Target {Target} paused (rejected posts in a row: {Failures}); /config resume (Discord) or a successful account check (Mastodon, at start and daily) starts it again")]
    private partial void LogPaused(string target, int failures);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) was given up after unexpected errors (attempts: {Attempts}): {Error}")]
    private partial void LogDeadLettered(string target, long id, int attempts, string error);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Error, Message = "Delivery over {Transport} stopped: its credential was refused ({Error}); its posts stay queued. Fix the token and restart the bot")]
    private partial void LogTransportStopped(string transport, string error);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) could not be recorded")]
    private partial void LogCrashed(Exception exception, string target, long id);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Error, Message = "The outbox cannot be read or written; delivery waits until the database is writable again")]
    private partial void LogStorageFailed(Exception exception);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Information, Message = "The outbox is readable again; delivery resumes")]
    private partial void LogStorageBack();
}
