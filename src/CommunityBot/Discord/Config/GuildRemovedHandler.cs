using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Discord.Config;

/// <summary>
/// The bot was removed from a guild (GUILD_DELETE without <c>unavailable</c>): its posts stop and its settings go,
/// so a trigger never fires into a server the bot can no longer reach.
/// </summary>
public sealed partial class GuildRemovedHandler(
    GuildSettingsRepository settings,
    IEpigraphScheduler scheduler,
    ILogger<GuildRemovedHandler> logger)
{
    /// <summary>Never throws for a failure of its own: it runs on the gateway's dispatch loop.</summary>
    public async Task HandleAsync(ulong guildId, CancellationToken cancellationToken)
    {
        try
        {
            if (await settings.GetAsync(guildId, cancellationToken) is not { } removed)
            {
                return;
            }
            if (removed.EpigraphChannelId is { } channelId)
            {
                await scheduler.UnscheduleAsync(GuildTargets.Epigraph(guildId, channelId), cancellationToken);
            }
            await settings.DeleteAsync(guildId, cancellationToken);
            LogRemoved(guildId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, guildId);
        }
    }

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Removed from guild {GuildId}: its epigraph trigger and settings are deleted")]
    private partial void LogRemoved(ulong guildId);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Error, Message = "Removed from guild {GuildId}, but its trigger or settings could not be deleted")]
    private partial void LogFailed(Exception exception, ulong guildId);
}
