using CommunityBot.Clients.Mastodon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Mastodon;

/// <summary>
/// Checks each account at start (verify_credentials, then the instance's character limits) and refreshes the limits
/// daily. A broken account is reported once with what to do and left out; the others and Discord keep working.
/// </summary>
public sealed partial class MastodonAccountMonitor(MastodonAccounts accounts, TimeProvider time, ILogger<MastodonAccountMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromDays(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(accounts.All.Select(a => CheckAsync(a, cancellationToken)));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RefreshInterval, time, stoppingToken);
            await Task.WhenAll(accounts.All.Select(a => CheckAsync(a, stoppingToken)));
        }
    }

    public async Task CheckAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        try
        {
            var self = await account.Client.VerifyCredentialsAsync(cancellationToken);
            account.Username = self.Username;
            var statuses = (await account.Client.GetInstanceAsync(cancellationToken)).Configuration.Statuses;
            account.Budget = new StatusBudget(statuses.MaxCharacters, statuses.CharactersReservedPerUrl);
            account.Problem = null;
            LogReady(account.Options.Name, self.Acct, account.Budget.MaxCharacters);
        }
        catch (Exception exception) when (exception is MastodonApiException or InvalidOperationException or HttpRequestException)
        {
            account.Problem = exception.Message;
            LogBroken(account.Options.Name, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mastodon account {Name} ready as @{Acct} ({MaxCharacters} characters a status)")]
    private partial void LogReady(string name, string acct, int maxCharacters);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mastodon account {Name} is left out: {Problem}")]
    private partial void LogBroken(string name, string problem);
}
