using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Commands;
using CommunityBot.Console;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

/// <summary>
/// Answers commands in mentions ("@bot quote camus"). The cursor is kept in storage; the first sight of an account
/// is a baseline, so old mentions are never answered. Each mention's reply is an outbox row keyed by the
/// notification, so it is answered once ever, across restarts; and one person gets only so many replies an hour.
/// </summary>
public sealed partial class MastodonMentionPoller(
    MastodonAccounts accounts,
    CommandCore commands,
    OutboxRepository outbox,
    SourceStateRepository sources,
    DeliverySignal signal,
    IOptions<MastodonOptions> options,
    TimeProvider time,
    ILogger<MastodonMentionPoller> logger) : BackgroundService
{
    private const int PageSize = 40;
    private const int MaxPagesPerPoll = 5;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _repliesByPerson = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.MentionPollInterval;
            foreach (var account in accounts.All.Where(a => a.Options.ReplyToMentions && a.Problem is null))
            {
                var suggested = await PollAsync(account, stoppingToken);
                wait = suggested > wait ? suggested : wait;
            }
            await Task.Delay(wait, time, stoppingToken);
        }
    }

    /// <summary>One look at an account's mentions; returns how long its paging limit asks us to wait.</summary>
    public async Task<TimeSpan> PollAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        var source = $"mastodon-mentions:{account.Options.Name}";
        try
        {
            var state = await sources.GetAsync(source, cancellationToken);
            if (state is null)
            {
                var newest = await account.Client.GetMentionNotificationsAsync(null, 1, cancellationToken);
                await sources.SaveAsync(new SourceState(source, newest.Items.Count > 0 ? newest.Items[0].Id : ""), cancellationToken);
                LogBaseline(account.Options.Name);
                return Interval(newest);
            }
            var cursor = string.IsNullOrEmpty(state.Cursor) ? null : state.Cursor;
            MastodonPage<JsonNotification>? page = null;
            for (var pages = 0; pages < MaxPagesPerPoll; pages++)
            {
                page = await account.Client.GetMentionNotificationsAsync(cursor, PageSize, cancellationToken);
                foreach (var mention in page.Items.Reverse())
                {
                    await AnswerAsync(account, mention, cancellationToken);
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
            return page is null ? TimeSpan.Zero : Interval(page);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(exception, account.Options.Name);
            return TimeSpan.Zero;
        }
    }

    private async Task AnswerAsync(MastodonAccount account, JsonNotification mention, CancellationToken cancellationToken)
    {
        if (mention.Status is not { } status || mention.Type != "mention")
        {
            return;
        }
        var asker = mention.Account.Acct;
        if (!MayReply(asker))
        {
            LogTooMany(asker, account.Options.Name, options.Value.RepliesPerPersonPerHour);
            return;
        }
        var parsed = CommandParser.Parse(MentionText.CommandOf(status.Content));
        var reply = parsed.Problem ?? commands.Execute(parsed.Request!);
        var text = MastodonStatusComposer.Reply(asker, ConsoleRenderer.Render(reply), account.Options, account.Budget);
        var payload = MastodonDeliveryChannel.Payload(account, text, status.Id, ReplyVisibility.Stricter(status.Visibility, account.Options.Visibility));
        if (await outbox.EnqueueAsync(account.Target, "reply", payload, $"reply:{account.Options.Name}:{mention.Id}", cancellationToken))
        {
            signal.Notify();
            LogAnswered(asker, account.Options.Name, parsed.Request?.Name ?? "help");
        }
    }

    private bool MayReply(string person)
    {
        var now = time.GetUtcNow();
        if (!_repliesByPerson.TryGetValue(person, out var recent))
        {
            _repliesByPerson[person] = recent = new Queue<DateTimeOffset>();
        }
        while (recent.Count > 0 && now - recent.Peek() > TimeSpan.FromHours(1))
        {
            recent.Dequeue();
        }
        if (recent.Count >= options.Value.RepliesPerPersonPerHour)
        {
            return false;
        }
        recent.Enqueue(now);
        return true;
    }

    private TimeSpan Interval(MastodonPage<JsonNotification> page) => page.RateLimit?.SuggestedInterval(time.GetUtcNow()) ?? TimeSpan.Zero;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mastodon account {Name}: first look at its mentions taken as the baseline; older mentions are not answered")]
    private partial void LogBaseline(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answering @{Asker} on {Name} ({Command})")]
    private partial void LogAnswered(string asker, string name, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not answering @{Asker} on {Name}: more than {Limit} replies to them in the last hour")]
    private partial void LogTooMany(string asker, string name, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the mentions of Mastodon account {Name}; trying again at the next poll")]
    private partial void LogPollFailed(Exception exception, string name);
}
