using System.Data.Common;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Commands;
using CommunityBot.Console;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

/// <summary>
/// Answers commands in mentions ("@bot quote camus"). The cursor is kept in storage; the first sight of an account
/// is a baseline, so old mentions are never answered. Each mention's reply is an outbox row keyed by the
/// notification, so it is answered once ever, across restarts. One person gets only so many replies an hour, and an
/// account sends only so many to everyone together; a mention over either limit is logged and never answered.
/// With several instances an account's mentions are polled by the one holding its <see cref="ClusterWork"/>.
/// </summary>
public sealed partial class MastodonMentionPoller(
    MastodonAccounts accounts,
    CommandCore commands,
    OutboxRepository outbox,
    SourceStateRepository sources,
    DeliverySignal signal,
    ClusterLock cluster,
    IOptions<MastodonOptions> options,
    TimeProvider time,
    ILogger<MastodonMentionPoller> logger) : BackgroundService
{
    private const string MentionType = "mention";
    private const int PageSize = 40;
    private const int MaxPagesPerPoll = 5;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _repliesByPerson = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _repliesByAccount = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>How many people the per-person limit remembers: only those answered within the last hour.</summary>
    internal int PeopleTracked => _repliesByPerson.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.MentionPollInterval;
            var polled = false;
            // An account whose stream is open and caught up gets its mentions from there (MastodonMentionStreamer).
            foreach (var account in accounts.All.Where(a => a.Options.ReplyToMentions && a.Problem is null && !a.Streaming))
            {
                if (await PollIfHeldAsync(account, stoppingToken) is not { } suggested)
                {
                    continue;
                }
                polled = true;
                wait = suggested > wait ? suggested : wait;
            }
            // An instance that polls nothing asks again soon, so it takes over within the retry interval of a death.
            if (!polled && wait > ClusterLock.RetryInterval)
            {
                wait = ClusterLock.RetryInterval;
            }
            await Task.Delay(wait, time, stoppingToken);
        }
    }

    /// <summary>
    /// One look at an account's mentions if this instance is the one to poll them; null when another instance is.
    /// </summary>
    public async Task<TimeSpan?> PollIfHeldAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        return await cluster.HoldsAsync(ClusterWork.Mentions(account.Options.Name), cancellationToken)
            ? await PollAsync(account, cancellationToken)
            : null;
    }

    /// <summary>One look at an account's mentions; returns how long its paging limit asks us to wait.</summary>
    public async Task<TimeSpan> PollAsync(MastodonAccount account, CancellationToken cancellationToken) =>
        (await PollOnceAsync(account, cancellationToken)).Wait;

    /// <summary>
    /// The poll after a notification stream (re)opens: answers what arrived while it was down. True when it read up to
    /// now, so that the stream's mentions follow on from the cursor with nothing between them.
    /// </summary>
    public async Task<bool> CatchUpAsync(MastodonAccount account, CancellationToken cancellationToken) =>
        (await PollOnceAsync(account, cancellationToken)).UpToNow;

    /// <summary>
    /// Answers a mention that came through the account's stream. Its id becomes the cursor only while the stream is
    /// caught up (<see cref="MastodonAccount.Streaming"/>): then every mention before it was read by a poll or by the
    /// stream. A mention that a poll also reads is not answered twice: its reply's outbox key is the notification's.
    /// </summary>
    public async Task AnswerStreamedAsync(MastodonAccount account, JsonNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Type != MentionType)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ForgetPeopleAnsweredOverAnHourAgo();
            try
            {
                await AnswerAsync(account, notification, cancellationToken);
            }
            catch (Exception exception) when (exception is not (DbException or OperationCanceledException))
            {
                LogMentionSkipped(exception, account.Options.Name, notification.Id);
            }
            if (account.Streaming)
            {
                await sources.SaveAsync(new SourceState(SourceOf(account), notification.Id), cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string SourceOf(MastodonAccount account) => $"mastodon-mentions:{account.Options.Name}";

    private async Task<(TimeSpan Wait, bool UpToNow)> PollOnceAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        // One at a time with the stream's answers: they share the cursor and the hourly counts.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await PollLockedAsync(account, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(TimeSpan Wait, bool UpToNow)> PollLockedAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        var source = SourceOf(account);
        ForgetPeopleAnsweredOverAnHourAgo();
        try
        {
            var state = await sources.GetAsync(source, cancellationToken);
            if (state is null)
            {
                var newest = await account.Client.GetMentionNotificationsAsync(null, 1, cancellationToken);
                await sources.SaveAsync(new SourceState(source, newest.Items.Count > 0 ? newest.Items[0].Id : ""), cancellationToken);
                LogBaseline(account.Options.Name);
                return (Interval(newest), true);
            }
            var cursor = string.IsNullOrEmpty(state.Cursor) ? null : state.Cursor;
            MastodonPage<JsonNotification>? page = null;
            for (var pages = 0; pages < MaxPagesPerPoll; pages++)
            {
                page = await account.Client.GetMentionNotificationsAsync(cursor, PageSize, cancellationToken);
                foreach (var mention in page.Items.Reverse())
                {
                    try
                    {
                        await AnswerAsync(account, mention, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not (DbException or OperationCanceledException))
                    {
                        // A mention whose reply cannot be made (it cannot fit the budget, say) must not hold back the
                        // ones after it at every poll; a database failure still stops here, so nothing is skipped.
                        LogMentionSkipped(exception, account.Options.Name, mention.Id);
                    }
                    cursor = mention.Id;
                }
                if (page.Items.Count > 0)
                {
                    await sources.SaveAsync(state with { Cursor = page.PrevMinId ?? cursor }, cancellationToken);
                    cursor = page.PrevMinId ?? cursor;
                }
                if (page.Items.Count < PageSize)
                {
                    break;
                }
            }
            return page is null ? (TimeSpan.Zero, false) : (Interval(page), page.Items.Count < PageSize);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(exception, account.Options.Name);
            return (TimeSpan.Zero, false);
        }
    }

    private async Task AnswerAsync(MastodonAccount account, JsonNotification mention, CancellationToken cancellationToken)
    {
        if (mention.Status is not { } status || mention.Type != MentionType)
        {
            return;
        }
        var asker = mention.Account.Acct;
        var now = time.GetUtcNow();
        if (RepliesInTheLastHour(_repliesByPerson, asker, now) >= options.Value.RepliesPerPersonPerHour)
        {
            LogTooMany(asker, account.Options.Name, options.Value.RepliesPerPersonPerHour);
            return;
        }
        if (RepliesInTheLastHour(_repliesByAccount, account.Options.Name, now) >= options.Value.RepliesPerHour)
        {
            LogAccountCapReached(asker, account.Options.Name, options.Value.RepliesPerHour);
            return;
        }
        var parsed = CommandParser.Parse(MentionText.CommandOf(status.Content));
        var reply = parsed.Problem ?? commands.Execute(parsed.Request!);
        var parts = MastodonStatusComposer.ReplyParts(asker, ConsoleRenderer.Render(reply), account.Options, account.Budget);
        var steps = MastodonDeliveryChannel.Steps(account, parts, status.Id, ReplyVisibility.Stricter(status.Visibility, account.Options.Visibility));
        if (await outbox.EnqueueAsync(OutboxStep.Chain(account.Target, "reply", $"reply:{account.Options.Name}:{mention.Id}", steps), cancellationToken))
        {
            Record(_repliesByPerson, asker, now);
            Record(_repliesByAccount, account.Options.Name, now);
            signal.Notify();
            LogAnswered(asker, account.Options.Name, parsed.Request?.Name ?? "help");
            BotMetrics.MentionAnswered(account.Options.Name);
        }
    }

    private static int RepliesInTheLastHour(Dictionary<string, Queue<DateTimeOffset>> replies, string key, DateTimeOffset now)
    {
        if (!replies.TryGetValue(key, out var recent))
        {
            return 0;
        }
        DropOlderThanAnHour(recent, now);
        return recent.Count;
    }

    private static void Record(Dictionary<string, Queue<DateTimeOffset>> replies, string key, DateTimeOffset now)
    {
        if (!replies.TryGetValue(key, out var recent))
        {
            replies[key] = recent = new Queue<DateTimeOffset>();
        }
        recent.Enqueue(now);
    }

    private static void DropOlderThanAnHour(Queue<DateTimeOffset> recent, DateTimeOffset now)
    {
        while (recent.Count > 0 && now - recent.Peek() > Window)
        {
            recent.Dequeue();
        }
    }

    // Anyone may mention the bot, so remembering every asker forever would let strangers grow this without bound.
    private void ForgetPeopleAnsweredOverAnHourAgo()
    {
        var now = time.GetUtcNow();
        foreach (var (person, recent) in _repliesByPerson)
        {
            DropOlderThanAnHour(recent, now);
            if (recent.Count == 0)
            {
                _repliesByPerson.Remove(person);
            }
        }
    }

    private TimeSpan Interval(MastodonPage<JsonNotification> page) => page.RateLimit?.SuggestedInterval(time.GetUtcNow()) ?? TimeSpan.Zero;

    [LoggerMessage(EventId = 4200, EventName = "MentionsBaseline", Level = LogLevel.Information, Message = "Mastodon account {Name}: first look at its mentions taken as the baseline; older mentions are not answered")]
    private partial void LogBaseline(string name);

    [LoggerMessage(EventId = 4201, EventName = "MentionAnswered", Level = LogLevel.Information, Message = "Answering @{Asker} on {Name} ({Command})")]
    private partial void LogAnswered(string asker, string name, string command);

    [LoggerMessage(EventId = 4202, EventName = "PersonCapReached", Level = LogLevel.Warning, Message = "Not answering @{Asker} on {Name}: they have had their replies of the last hour (Mastodon:RepliesPerPersonPerHour: {Limit})")]
    private partial void LogTooMany(string asker, string name, int limit);

    [LoggerMessage(EventId = 4203, EventName = "AccountCapReached", Level = LogLevel.Warning, Message = "Not answering @{Asker} on {Name}: the account has sent its replies of the last hour (Mastodon:RepliesPerHour: {Limit})")]
    private partial void LogAccountCapReached(string asker, string name, int limit);

    [LoggerMessage(EventId = 4205, EventName = "MentionSkipped", Level = LogLevel.Error, Message = "Mastodon account {Name}: mention {NotificationId} cannot be answered and is skipped")]
    private partial void LogMentionSkipped(Exception exception, string name, string notificationId);

    [LoggerMessage(EventId = 4204, EventName = "MentionPollFailed", Level = LogLevel.Warning, Message = "Could not read the mentions of Mastodon account {Name}; trying again at the next poll")]
    private partial void LogPollFailed(Exception exception, string name);
}
