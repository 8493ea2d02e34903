using System.Data.Common;
using System.Globalization;
using System.Net;
using CommunityBot.Content;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Announcements;

/// <summary>
/// Polls the configured feeds, each on its own interval, all side by side. A request carries the validators of
/// the last good answer (If-None-Match, If-Modified-Since), so an unchanged feed costs a 304. A feed that fails
/// waits twice as long after each failure in a row, up to <see cref="MaxBackoff"/>, and says why; the others go on.
/// When each feed is next due is kept in the database, so a restart does not poll a failing feed at once.
/// </summary>
public sealed partial class FeedPoller(
    IOptions<AnnouncementOptions> options,
    IHttpClientFactory httpClients,
    SourceStateRepository states,
    Announcer announcer,
    ContentStore content,
    TimeProvider time,
    ILogger<FeedPoller> logger) : BackgroundService
{
    public const string HttpClientName = "feeds";
    public const long MaxFeedBytes = 10 * 1024 * 1024;
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    public static string SourceOf(string url) => "feed:" + url;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Feeds.Count == 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = await PollDueAsync(stoppingToken);
            var wait = next - time.GetUtcNow();
            try
            {
                await Task.Delay(wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Polls every feed that is due now, side by side; returns when the next one is due.</summary>
    public async Task<DateTimeOffset> PollDueAsync(CancellationToken cancellationToken)
    {
        var polls = options.Value.Feeds.Select(feed => PollIfDueAsync(feed, cancellationToken)).ToList();
        var next = await Task.WhenAll(polls);
        return next.Min();
    }

    private async Task<DateTimeOffset> PollIfDueAsync(FeedOptions feed, CancellationToken cancellationToken)
    {
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
        }
        catch (Exception exception) when (Describe(exception, cancellationToken) is { } reason)
        {
            var failures = state.Failures + 1;
            var delay = Backoff(feed.PollInterval, failures);
            after = state with { Failures = failures, NextPollAt = time.GetUtcNow() + delay };
            LogFeedFailed(feed.Url, reason, failures, delay, after.NextPollAt!.Value);
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
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
            throw new FeedFormatException($"the feed is {response.Content.Headers.ContentLength} bytes, over the limit of {MaxFeedBytes}");
        }
        var body = new MemoryStream();
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            await CopyLimitedAsync(stream, body, cancellationToken);
        }
        body.Position = 0;
        var index = content.Index;
        // Feeds list newest first; reversed, undated items keep their oldest-first order too.
        var candidates = FeedParser.Parse(body).Reverse().Select(item => AnnouncementCandidate.FromFeedItem(item, index, feed.Url)).ToList();
        var cursor = state.Cursor;
        if (cursor is null)
        {
            await announcer.RecordBaselineAsync(state.Source, candidates, cancellationToken);
            cursor = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        }
        else
        {
            await announcer.AnnounceNewAsync(state.Source, candidates, cancellationToken);
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
                throw new FeedFormatException($"the feed is over the limit of {MaxFeedBytes} bytes");
            }
            to.Write(buffer, 0, read);
        }
    }

    public static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var delay = interval * Math.Pow(2, Math.Min(failures, 16));
        return delay < MaxBackoff ? delay : (interval > MaxBackoff ? interval : MaxBackoff);
    }

    /// <summary>Why a poll failed, in words for the log; null for a stop of the bot, which is no failure.</summary>
    private static string? Describe(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => "no answer before the request timed out",
        HttpRequestException { StatusCode: { } } http => $"the server answered {http.Message}",
        HttpRequestException http => $"the server could not be reached: {http.Message}",
        FeedFormatException format => $"the answer is not a feed the bot can read: {format.Message}",
        DbException storage => $"what the feed holds could not be recorded: {storage.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Url} not modified")]
    private partial void LogNotModified(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} failed: {Reason}. {Failures} failure(s) in a row; next try in {Delay} at {Next:u}; other feeds are not affected")]
    private partial void LogFeedFailed(string url, string reason, int failures, TimeSpan delay, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Url} works again after {Failures} failure(s)")]
    private partial void LogRecovered(string url, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "The state of feed {Url} could not be read or saved")]
    private partial void LogStorageFailed(Exception exception, string url);
}
