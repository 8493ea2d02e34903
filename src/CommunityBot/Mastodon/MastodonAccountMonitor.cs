using CommunityBot.Clients.Mastodon;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Mastodon;

/// <summary>
/// Checks each account at start (verify_credentials, then the instance's character limits) and refreshes the limits
/// daily. A broken account is reported once with what to do and left out; the others and Discord keep working.
/// </summary>
public sealed partial class MastodonAccountMonitor(
    MastodonAccounts accounts,
    TargetHealthRepository health,
    TimeProvider time,
    ILogger<MastodonAccountMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromDays(1);

    /// <summary>How soon an account that could not be reached (not refused) is checked again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(accounts.All.Select(a => CheckAsync(a, cancellationToken)));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRefresh = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var unreached = accounts.All.Where(a => a.Problem is null && a.Username is null).ToList();
            await Task.Delay(unreached.Count > 0 ? RetryInterval : RefreshInterval, time, stoppingToken);
            var refresh = time.GetUtcNow() - lastRefresh >= RefreshInterval;
            if (refresh)
            {
                lastRefresh = time.GetUtcNow();
            }
            await Task.WhenAll((refresh ? accounts.All : unreached).Select(a => CheckAsync(a, stoppingToken)));
        }
    }

    public async Task CheckAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        try
        {
            var self = await account.Client.VerifyCredentialsAsync(cancellationToken);
            account.Username = self.Username;
            if (!self.Bot && !account.BotFlagWarned)
            {
                account.BotFlagWarned = true;
                LogNotABot(account.Options.Name, self.Acct);
            }
            var configuration = (await account.Client.GetInstanceAsync(cancellationToken)).Configuration;
            account.StreamingUrl = configuration.Urls.Streaming;
            var statuses = configuration.Statuses;
            account.Budget = new StatusBudget(statuses.MaxCharacters, statuses.CharactersReservedPerUrl,
                configuration.MediaAttachments.DescriptionLimit ?? JsonInstanceMediaAttachments.DefaultDescriptionLimit);
            account.Problem = null;
            // A working account is a working target again, whatever paused it before.
            await health.ResumeAsync(account.Target, cancellationToken);
            LogReady(account.Options.Name, self.Acct, account.Budget.MaxCharacters);
        }
        catch (Exception exception) when (exception is MastodonAuthorizationException or MastodonApiException { IsRetryable: false } or InvalidOperationException)
        {
            // Refused or misconfigured: nothing changes until someone fixes it, so the account is left out.
            account.Problem = exception.Message;
            LogBroken(account.Options.Name, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unreachable for now (a timeout, a 502): the account stays in use, and is checked again within minutes.
            LogUnreachable(exception, account.Options.Name, RetryInterval);
        }
    }

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Mastodon account {Name} ready as @{Acct} ({MaxCharacters} characters a status)")]
    private partial void LogReady(string name, string acct, int maxCharacters);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Mastodon account {Name} could not be reached; checking again in {Delay}")]
    private partial void LogUnreachable(Exception exception, string name, TimeSpan delay);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Error, Message = "Mastodon account {Name} is left out: {Problem}")]
    private partial void LogBroken(string name, string problem);

    // The fediverse's etiquette: automated accounts say so, and people filter or follow them knowing it.
    [LoggerMessage(EventId = 4228, EventName = "AccountNotMarkedAsBot", Level = LogLevel.Warning, Message = "Mastodon account {Name} (@{Acct}) is not marked as a bot; tick \"This is an automated account\" in its profile settings so people know who is answering")]
    private partial void LogNotABot(string name, string acct);
}
