using System.Data.Common;
using System.Globalization;
using System.Net;
using CommunityBot.Content;
using CommunityBot.Storage;
using CommunityBot.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Announcements;

/// <summary>
/// Polls the configured feeds, each in a loop of its own, so a feed that is slow or failing never delays another.
/// One poll, headers and body, must be over within the feed's Timeout (driven by the TimeProvider) and may not
/// send more than <see cref="MaxFeedBytes"/>. A request carries the validators of the last good answer
/// (If-None-Match, If-Modified-Since), so an unchanged feed costs a 304. A feed that fails waits twice as long
/// after each failure in a row, up to <see cref="MaxBackoff"/>, and says why. When each feed is next due is kept
/// in the database, so a restart does not poll a failing feed at once. With several instances each feed is polled by
/// the one holding its <see cref="ClusterWork"/>; the others ask for it again every <see cref="ClusterLock.RetryInterval"/>.
/// </summary>
public sealed partial class FeedPoller(
    IOptions<AnnouncementOptions> options,
    IHttpClientFactory httpClients,
    SourceStateRepository states,
    Announcer announcer,
    ContentStore content,
    ClusterLock cluster,
    TimeProvider time,
    ILogger<FeedPoller> logger) : BackgroundService
{
    public const string HttpClientName = "feeds";
    public const long MaxFeedBytes = 4 * 1024 * 1024;
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>A feed's loop has polled (or found the feed not due) and now waits until the given time.</summary>
    public event Action<FeedOptions, DateTimeOffset>? Waiting;

    public static string SourceOf(string url) => "feed:" + url;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Feeds.Select(feed => RunAsync(feed, stoppingToken)));

    private async Task RunAsync(FeedOptions feed, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await PollIfDueAsync(feed, stoppingToken);
                var wait = next - time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    continue;
                }
                // The timer is set before anyone hears of the wait, so time moved on after that cannot be missed.
                var delay = Task.Delay(wait, time, stoppingToken);
                Waiting?.Invoke(feed, next);
                await delay;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Polls every feed that is due now, side by side, and waits for all; returns when the next one is due.</summary>
    public async Task<DateTimeOffset> PollDueAsync(CancellationToken cancellationToken)
    {
        var polls = options.Value.Feeds.Select(feed => PollIfDueAsync(feed, cancellationToken)).ToList();
        var next = await Task.WhenAll(polls);
        return next.Min();
    }

    private async Task<DateTimeOffset> PollIfDueAsync(FeedOptions feed, CancellationToken cancellationToken)
    {
        if (!await cluster.HoldsAsync(ClusterWork.Feed(feed.Url), cancellationToken))
        {
            return time.GetUtcNow() + (feed.PollInterval < ClusterLock.RetryInterval ? feed.PollInterval : ClusterLock.RetryInterval);
        }
        var source = SourceOf(feed.Url);
        SourceState? state;
        try
        {
            state = await states.GetAsync(source, cancellationToken);
        }
        catch (DbException exception)
        {
            LogStorageFailed(exception, feed.Url);
            return time.GetUtcNow() + feed.PollInterval;
        }
        if (state?.NextPollAt is { } due && due > time.GetUtcNow())
        {
            return due;
        }
        state ??= new SourceState(source, Cursor: null);
        SourceState after;
        try
        {
            after = await PollAsync(feed, state, cancellationToken);
            BotMetrics.FeedPoll("ok");
        }
        catch (Exception exception) when (Describe(exception, feed, cancellationToken) is { } failure)
        {
            var failures = state.Failures + 1;
            var delay = Backoff(feed.PollInterval, failures);
            after = state with { Failures = failures, NextPollAt = time.GetUtcNow() + delay };
            BotMetrics.FeedPoll("failed");
            LogFeedFailed(feed.Url, failure.Kind, failure.Reason, failures, delay, after.NextPollAt!.Value);
        }
        try
        {
            await states.SaveAsync(after, cancellationToken);
        }
        catch (DbException exception)
        {
            LogStorageFailed(exception, feed.Url);
        }
        return after.NextPollAt!.Value;
    }

    private async Task<SourceState> PollAsync(FeedOptions feed, SourceState state, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, feed.Url);
        request.Headers.TryAddWithoutValidation("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8");
        // An empty validator can turn a 304 into a 200, so only real ones are sent.
        if (!string.IsNullOrWhiteSpace(state.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", state.ETag);
        }
        if (!string.IsNullOrWhiteSpace(state.LastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", state.LastModified);
        }
        // One deadline for headers and body: HttpClient.Timeout alone stops at the headers, and a body sent a byte
        // at a time would hold this feed for ever.
        using var deadline = new CancellationTokenSource(feed.Timeout, time);
        using var download = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, download.Token);
        var next = time.GetUtcNow() + feed.PollInterval;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            LogNotModified(feed.Url);
            return state with { Failures = 0, NextPollAt = next };
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
        if (response.Content.Headers.ContentLength > MaxFeedBytes)
        {
            throw new FeedTooLargeException($"the feed is {response.Content.Headers.ContentLength} bytes, over the limit of {MaxFeedBytes}");
        }
        using var body = new MemoryStream();
        await using (var stream = await response.Content.ReadAsStreamAsync(download.Token))
        {
            await CopyLimitedAsync(stream, body, download.Token);
        }
        body.Position = 0;
        var index = content.Index;
        // Feeds list newest first; reversed, undated items keep their oldest-first order too.
        var items = FeedParser.Parse(body).Reverse().ToList();
        var candidates = items.Select(item => AnnouncementCandidate.FromFeedItem(item, index, feed.Url)).ToList();
        var cursor = state.Cursor;
        if (cursor is null)
        {
            await announcer.RecordBaselineAsync(state.Source, candidates, cancellationToken);
            cursor = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        }
        else
        {
            var announced = await announcer.AnnounceNewAsync(state.Source, candidates, cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].LinkProblem is { } problem && announced.Contains(candidates[i]))
                {
                    LogAnnouncedWithoutLink(feed.Url, candidates[i].Essay.Title, problem);
                }
            }
        }
        if (state.Failures > 0)
        {
            LogRecovered(feed.Url, state.Failures);
        }
        // The validators move on only after the items were handled: a crash before this polls the same body again.
        return new SourceState(state.Source, cursor, response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture), 0, next);
    }

    private static async Task CopyLimitedAsync(Stream from, MemoryStream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (to.Length + read > MaxFeedBytes)
            {
                throw new FeedTooLargeException($"the feed sends more than the limit of {MaxFeedBytes} bytes");
            }
            to.Write(buffer, 0, read);
        }
    }

    public static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var delay = interval * Math.Pow(2, Math.Min(failures, 16));
        return delay < MaxBackoff ? delay : (interval > MaxBackoff ? interval : MaxBackoff);
    }

    /// <summary>Why a poll failed, for the log; null for a stop of the bot, which is no failure.</summary>
    private static (FeedFailure Kind, string Reason)? Describe(Exception exception, FeedOptions feed, CancellationToken cancellationToken)
    {
        (FeedFailure Kind, string Reason)? failure = exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            OperationCanceledException => (FeedFailure.TimedOut, $"no complete answer within the timeout of {feed.Timeout:c}"),
            HttpRequestException { StatusCode: { } } http => (FeedFailure.HttpStatus, $"the server answered {http.Message}"),
            HttpRequestException http => (FeedFailure.Unreachable, $"the server could not be reached: {http.Message}"),
            FeedTooLargeException large => (FeedFailure.TooLarge, $"the answer is too large to read: {large.Message}"),
            FeedFormatException format => (FeedFailure.NotAFeed, $"the answer is not a feed the bot can read: {format.Message}"),
            DbException storage => (FeedFailure.Storage, $"what the feed holds could not be recorded: {storage.Message}"),
            _ => (FeedFailure.Other, $"{exception.GetType().Name}: {exception.Message}"),
        };
        // The server chose the reason phrase and parts of the parser's message.
        return failure is { } f ? (f.Kind, ControlCharacters.SingleLine(f.Reason)) : null;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Feed {Url} not modified")]
    private partial void LogNotModified(string url);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Feed {Url} failed: {Reason} ({Failure}). failures in a row: {Failures}; next try in {Delay} at {Next:u}; other feeds are not affected")]
    private partial void LogFeedFailed(string url, FeedFailure failure, string reason, int failures, TimeSpan delay, DateTimeOffset next);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Feed {Url} works again (failures before: {Failures})")]
    private partial void LogRecovered(string url, int failures);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "The state of feed {Url} could not be read or saved")]
    private partial void LogStorageFailed(Exception exception, string url);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Feed {Url}: \"{Title}\" is announced without a link ({LinkProblem}); only http(s) links of at most 2048 characters are posted")]
    private partial void LogAnnouncedWithoutLink(string url, string title, FeedLinkProblem linkProblem);
}
