using CommunityBot.Clients.Mastodon;
using CommunityBot.Commands;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

/// <summary>
/// Answers mentions within seconds: each account that replies to mentions keeps its notification stream open, on the
/// instance that holds its <see cref="ClusterWork.Mentions"/> (the same lock as the poller's). After every
/// (re)connect one poll from the stored cursor answers what arrived while the stream was down, and only then does the
/// poller leave the account to the stream. A dropped stream is opened again after a capped, jittered backoff, the
/// poller covering the gap; an instance without streaming (404), or a stream that keeps failing, leaves the account
/// to polling, said in one log line.
/// </summary>
public sealed partial class MastodonMentionStreamer(
    MastodonAccounts accounts,
    MastodonMentionPoller poller,
    ClusterLock cluster,
    IRandomSource random,
    IOptions<MastodonOptions> options,
    TimeProvider time,
    ILogger<MastodonMentionStreamer> logger) : BackgroundService
{
    /// <summary>The first wait after a drop; it doubles with each failure in a row, up to <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>Failures in a row (no stream that stayed open) after which polling takes over.</summary>
    public const int FailuresBeforePolling = 6;

    /// <summary>How long polling alone serves an account whose stream kept failing before the stream is tried again.</summary>
    public static readonly TimeSpan RetryStreamingAfter = TimeSpan.FromHours(1);

    /// <summary>A stream that stayed open this long counts as working: the next drop starts the backoff afresh.</summary>
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private const int JitterSteps = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Streaming)
        {
            return;
        }
        var streamed = accounts.All.Where(a => a.Options.ReplyToMentions && a.Problem is null);
        await Task.WhenAll(streamed.Select(a => RunAsync(a, stoppingToken)));
    }

    /// <summary>Keeps one account's stream open until <paramref name="stoppingToken"/> ends or polling takes over for good.</summary>
    public async Task RunAsync(MastodonAccount account, CancellationToken stoppingToken)
    {
        var failures = 0;
        var fellBack = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (account.Problem is not null || !await cluster.HoldsAsync(ClusterWork.Mentions(account.Options.Name), stoppingToken))
            {
                await Task.Delay(ClusterLock.RetryInterval, time, stoppingToken);
                continue;
            }
            var opened = time.GetUtcNow();
            try
            {
                await StreamAsync(account, stoppingToken);
                // The server ended it (a restart, a deploy): an ordinary drop.
                LogDropped(account.Options.Name, "the server closed the stream");
            }
            catch (MastodonStreamingException exception) when (exception.IsUnavailable)
            {
                account.Streaming = false;
                LogUnavailable(account.Options.Name, exception.Error, options.Value.MentionPollInterval);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogDropped(account.Options.Name, exception.Message);
            }
            finally
            {
                account.Streaming = false;
            }
            failures = time.GetUtcNow() - opened >= StableAfter ? 1 : failures + 1;
            if (failures >= FailuresBeforePolling)
            {
                if (!fellBack)
                {
                    fellBack = true;
                    LogKeepsFailing(account.Options.Name, failures, options.Value.MentionPollInterval, RetryStreamingAfter);
                }
                failures = 0;
                await Task.Delay(RetryStreamingAfter, time, stoppingToken);
                continue;
            }
            await Task.Delay(Backoff(failures), time, stoppingToken);
        }
    }

    /// <summary>Full jitter over a doubling, capped delay: instances that lost the same server come back spread out.</summary>
    public TimeSpan Backoff(int failures)
    {
        var ceiling = FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 20));
        if (ceiling > MaxBackoff)
        {
            ceiling = MaxBackoff;
        }
        return FirstBackoff + (ceiling - FirstBackoff) * (random.Pick(JitterSteps) / (double)JitterSteps);
    }

    private async Task StreamAsync(MastodonAccount account, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await using var subscription = await account.Client.StreamNotificationsAsync(account.StreamingUrl, stop.Token);
        // Opened before the poll, so that nothing falls between what the poll reads and what the stream brings.
        account.Streaming = await poller.CatchUpAsync(account, stop.Token);
        LogOpen(account.Options.Name, account.Streaming);
        var holding = KeepHoldingAsync(account, stop);
        try
        {
            while (await subscription.ReadAsync(stop.Token) is { } notification)
            {
                await poller.AnswerStreamedAsync(account, notification, stop.Token);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested && holding.IsCompleted)
        {
            throw new InvalidOperationException($"another instance now answers the mentions of {account.Options.Name}");
        }
        finally
        {
            await stop.CancelAsync();
            await holding;
        }
    }

    // On PostgreSQL the lock lives in a session that can break; the stream must not outlive it, or two instances answer.
    private async Task KeepHoldingAsync(MastodonAccount account, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(ClusterLock.RetryInterval, time, stop.Token);
                if (!await cluster.HoldsAsync(ClusterWork.Mentions(account.Options.Name), stop.Token))
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended first.
        }
    }

    [LoggerMessage(EventId = 4220, EventName = "MentionStreamOpen", Level = LogLevel.Information, Message = "Mastodon account {Name}: notification stream open; mentions are answered as they arrive (caught up: {CaughtUp})")]
    private partial void LogOpen(string name, bool caughtUp);

    [LoggerMessage(EventId = 4221, EventName = "MentionStreamDropped", Level = LogLevel.Information, Message = "Mastodon account {Name}: notification stream dropped ({Reason}); polling until it is open again")]
    private partial void LogDropped(string name, string reason);

    [LoggerMessage(EventId = 4222, EventName = "MentionStreamUnavailable", Level = LogLevel.Warning, Message = "Mastodon account {Name}: the instance offers no notification stream ({Reason}); mentions are polled every {PollInterval} instead")]
    private partial void LogUnavailable(string name, string reason, TimeSpan pollInterval);

    [LoggerMessage(EventId = 4223, EventName = "MentionStreamKeepsFailing", Level = LogLevel.Warning, Message = "Mastodon account {Name}: the notification stream failed {Failures} times in a row; mentions are polled every {PollInterval} instead, and streaming is tried again in {RetryAfter}")]
    private partial void LogKeepsFailing(string name, int failures, TimeSpan pollInterval, TimeSpan retryAfter);
}
