using System.Collections.Concurrent;
using CommunityBot.Cluster;
using CommunityBot.Storage;
using CommunityBot.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Sends the outbox. Each target has at most one row in flight, so its posts go out in order, and targets are
/// served side by side, so a slow or failing target never holds up another. A row is marked only after its
/// send answered; after a crash it is sent again with the same idempotency key, which the target deduplicates.
/// What an answer does to the row, its target and its transport is <see cref="SendOutcome"/>'s table; a row that
/// is failed is no longer pending, so the next row of its target goes. Several instances may share one outbox: a row
/// is leased to one of them before it is sent (<see cref="OutboxRepository.ClaimDueAsync"/>) and recorded only by
/// the lease's holder, and a lease left by a dead instance is taken over once it runs out.
/// </summary>
public sealed partial class DeliveryWorker(
    OutboxRepository outbox,
    TargetHealthRepository health,
    IEnumerable<IDeliveryChannel> channels,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly string _instance = cluster.Value.InstanceId;
    private readonly IDeliveryChannel[] _channels = [.. channels];
    // Transports whose credential was refused (see TargetKey.Transport), and when one of their posts is tried again:
    // a Mastodon account fixed at its daily check, or a token restored, resumes without a restart.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _stopped = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = _instance });
        LogStarted(_instance);
        var storageFailures = 0;
        var leftOverReleased = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (!leftOverReleased)
                {
                    var released = await outbox.ReleaseLeftOverLeasesAsync(_instance, stoppingToken);
                    leftOverReleased = true;
                    if (released > 0)
                    {
                        LogLeftOverLeases(released, _instance);
                    }
                }
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
        var readAt = time.GetUtcNow();
        var stopped = _stopped.Where(s => s.Value > readAt).Select(s => s.Key).ToArray();
        // The lease is a write: a database that cannot be written fails here, before anything is sent, rather than
        // after a send that could then not be recorded.
        var claimed = await outbox.ClaimDueAsync(_instance, options.Value.LeaseDuration, BatchSize, stopped, stoppingToken);
        var started = 0;
        foreach (var entry in claimed)
        {
            // The target is marked busy before its send starts, so a fast send cannot finish before it is marked.
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (IsStopped(entry, readAt))
            {
                // Its transport was refused while the claim ran: the row was given back after the stop was marked,
                // so the claim may have taken it again.
                await outbox.ReleaseAsync(entry.Id, _instance, stoppingToken);
            }
            else if (_inFlight.TryAdd(entry.Target, done.Task))
            {
                started++;
                _ = DeliverAsync(entry, done, stoppingToken);
            }
            else
            {
                // The target's previous row was recorded but its send has not let go of the target yet; that send's
                // end wakes the worker, which claims this row again.
                await outbox.ReleaseAsync(entry.Id, _instance, stoppingToken);
            }
        }
        if (claimed.Count == BatchSize && started > 0)
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
            await ReleaseOnStopAsync(entry);
        }
        catch (Exception exception)
        {
            // The lease stays: the row is taken again when it runs out, after whatever broke had time to mend.
            LogCrashed(exception, entry.Target, entry.Id);
        }
        finally
        {
            _inFlight.TryRemove(entry.Target, out _);
            done.SetResult();
            signal.Notify();
        }
    }

    // Stopping mid-send: the row goes back at once to whichever instance runs next, and its key keeps a second send
    // from posting twice. Should the database be gone by now, the lease runs out instead.
    private async Task ReleaseOnStopAsync(OutboxEntry entry)
    {
        try
        {
            await outbox.ReleaseAsync(entry.Id, _instance, CancellationToken.None);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            LogCrashed(exception, entry.Target, entry.Id);
        }
    }

    private async Task RecordAsync(OutboxEntry entry, SendResult result)
    {
        var error = result.Error ?? result.Outcome.ToString();
        BotMetrics.Delivery(TargetKey.TryParse(entry.Target, out var key) ? key.KindText : entry.Target, result.Outcome.ToString().ToLowerInvariant());
        switch (result.Outcome)
        {
            case SendOutcome.Delivered:
                if (!await outbox.MarkDeliveredAsync(entry.Id, result.RemoteId, _instance, CancellationToken.None))
                {
                    LogLeaseLost(entry.Target, entry.Id, _instance, result.Outcome);
                    break;
                }
                var resumed = Transport(entry);
                if (_stopped.TryRemove(resumed, out _))
                {
                    LogTransportResumed(resumed);
                }
                await health.RecordSuccessAsync(entry.Target, CancellationToken.None);
                LogDelivered(entry.Kind, entry.Target, entry.Id, _instance);
                break;
            case SendOutcome.Retry:
                await RetryAsync(entry, error, result.RetryAfter, unexpected: false);
                break;
            case SendOutcome.Unexpected when entry.UnexpectedFailures + 1 < options.Value.MaxAttempts:
                await RetryAsync(entry, error, result.RetryAfter, unexpected: true);
                break;
            case SendOutcome.Unexpected:
                if (await FailAsync(entry, result.Outcome, error, unexpected: true))
                {
                    LogDeadLettered(entry.Target, entry.Id, entry.UnexpectedFailures + 1, error);
                }
                break;
            case SendOutcome.Invalid:
                if (await FailAsync(entry, result.Outcome, error, unexpected: false))
                {
                    LogInvalid(entry.Target, entry.Id, error);
                }
                break;
            case SendOutcome.Rejected:
                if (!await FailAsync(entry, result.Outcome, error, unexpected: false))
                {
                    break;
                }
                // Counted by the lease's holder only, so a row sent twice counts once toward pausing its target.
                var state = await health.RecordFailureAsync(entry.Target, error, options.Value.PauseAfterFailures, CancellationToken.None);
                LogRejected(entry.Target, entry.Id, error);
                if (state.Paused)
                {
                    LogPaused(entry.Target, state.ConsecutiveFailures);
                }
                break;
            case SendOutcome.Stopped:
                // The row is left as it was, lease given back: it was not the row's fault, and it goes once a working
                // credential is in. The transport is marked stopped before the lease is given back, and a claim looks at
                // the mark once it returns, so a claim running meanwhile does not send the row again with the refused
                // credential.
                var stopped = Transport(entry);
                var probeAt = time.GetUtcNow() + options.Value.MaxRetryDelay;
                if (_stopped.TryAdd(stopped, probeAt))
                {
                    LogTransportStopped(stopped, error, options.Value.MaxRetryDelay);
                }
                else
                {
                    _stopped[stopped] = probeAt;
                }
                await outbox.ReleaseAsync(entry.Id, _instance, CancellationToken.None);
                break;
        }
    }

    private bool IsStopped(OutboxEntry entry, DateTimeOffset readAt) =>
        _stopped.TryGetValue(Transport(entry), out var probeAt) && probeAt > readAt;

    private static string Transport(OutboxEntry entry) => TargetKey.TryParse(entry.Target, out var key) ? key.Transport : entry.Target;

    private async Task<bool> FailAsync(OutboxEntry entry, SendOutcome outcome, string error, bool unexpected)
    {
        if (await outbox.MarkFailedAsync(entry.Id, error, unexpected, _instance, CancellationToken.None))
        {
            return true;
        }
        LogLeaseLost(entry.Target, entry.Id, _instance, outcome);
        return false;
    }

    private async Task RetryAsync(OutboxEntry entry, string error, TimeSpan? retryAfter, bool unexpected)
    {
        var delay = Max(RetryDelay(entry.Attempts), retryAfter ?? TimeSpan.Zero);
        if (!await outbox.MarkRetryAsync(entry.Id, error, time.GetUtcNow() + delay, unexpected, _instance, CancellationToken.None))
        {
            LogLeaseLost(entry.Target, entry.Id, _instance, SendOutcome.Retry);
            return;
        }
        LogRetry(entry.Target, entry.Id, error, delay);
    }

    private async Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken stoppingToken)
    {
        var channel = DeliveryChannels.For(_channels, entry.Target);
        if (channel is null)
        {
            return SendResult.Invalid($"no delivery channel for target '{entry.Target}' is configured");
        }
        if (entry.AfterKey is { } afterKey)
        {
            var previous = await outbox.FindAsync(afterKey, stoppingToken);
            if (previous is not { Status: OutboxStatus.Delivered, RemoteId: { } remoteId })
            {
                return NotInChain(entry, afterKey, previous);
            }
            entry = entry with { AfterRemoteId = remoteId };
        }
        // Cut off well inside the lease, so that no other instance takes the row over while this send may still post it.
        var limit = options.Value.LeaseDuration / 2;
        using var cutOff = new CancellationTokenSource(limit, time);
        using var send = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, cutOff.Token);
        try
        {
            return await channel.SendAsync(entry, send.Token);
        }
        catch (OperationCanceledException) when (cutOff.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            return SendResult.Retry($"the send took longer than {limit:c}, half of Delivery:LeaseDuration");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            return SendResult.Unexpected(exception.Message);
        }
    }

    // A later step goes only under the one before it: sent on its own it would break the chain (a thread part
    // replying to nothing, a thread on no message), so it waits for that step, or fails with it.
    private SendResult NotInChain(OutboxEntry entry, string afterKey, OutboxEntry? previous)
    {
        if (previous is { Status: OutboxStatus.Pending })
        {
            return SendResult.Retry($"waiting for the step it follows ({afterKey}) to be delivered");
        }
        var why = previous switch
        {
            null => "is not in the outbox",
            { Status: OutboxStatus.Failed } => $"failed ({previous.LastError ?? "no reason recorded"})",
            _ => "was delivered without a remote id",
        };
        LogChainBroken(entry.Target, entry.Id, afterKey, previous?.Status ?? "missing");
        return SendResult.Invalid($"not sent: the step it follows ({afterKey}) {why}");
    }

    private TimeSpan RetryDelay(int attempts) =>
        Min(FirstRetryDelay * Math.Pow(2, Math.Min(attempts, 20)), options.Value.MaxRetryDelay);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Delivered {Kind} to {Target} (outbox row {Id}) as {InstanceId}")]
    private partial void LogDelivered(string kind, string target, long id, string instanceId);

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

    [LoggerMessage(EventId = 7106, Level = LogLevel.Error, Message = "Delivery over {Transport} stopped: its credential was refused ({Error}); its posts stay queued, and one is tried again every {ProbeEvery}. Fix the token (a new one in the configuration needs a restart)")]
    private partial void LogTransportStopped(string transport, string error, TimeSpan probeEvery);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Information, Message = "Delivery over {Transport} works again; its queued posts go out")]
    private partial void LogTransportResumed(string transport);

    [LoggerMessage(EventId = 7120, Level = LogLevel.Warning, Message = "Outbox row {Id} to {Target} is not sent: the step it follows ({AfterKey}) is {AfterStatus}, and sending it alone would break its chain")]
    private partial void LogChainBroken(string target, long id, string afterKey, string afterStatus);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Error, Message = "Delivery to {Target} (outbox row {Id}) could not be recorded")]
    private partial void LogCrashed(Exception exception, string target, long id);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Error, Message = "The outbox cannot be read or written; delivery waits until the database is writable again")]
    private partial void LogStorageFailed(Exception exception);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Information, Message = "The outbox is readable again; delivery resumes")]
    private partial void LogStorageBack();

    [LoggerMessage(EventId = 7110, Level = LogLevel.Information, Message = "Delivery runs as instance {InstanceId}")]
    private partial void LogStarted(string instanceId);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Warning, Message = "Outbox row {Id} to {Target} is no longer leased to {InstanceId} (its lease ran out and another instance took it over); its result ({Outcome}) was not recorded")]
    private partial void LogLeaseLost(string target, long id, string instanceId, SendOutcome outcome);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Information, Message = "Took back {Count} outbox rows leased by a previous run (instance {InstanceId})")]
    private partial void LogLeftOverLeases(int count, string instanceId);
}
