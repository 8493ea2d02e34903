using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.History;

/// <summary>
/// What was delivered, what failed and why, and where each target stands: for a guild's moderators (/config history)
/// and for the operator (the <c>history</c> verb). It only reads the database, so it runs beside a working bot.
/// </summary>
public sealed partial class DeliveryHistory(
    OutboxRepository outbox,
    TargetHealthRepository health,
    GuildSettingsRepository guilds,
    IEnumerable<IEpigraphTargetSource> epigraphSources,
    IOptions<ScheduleOptions> defaults,
    TimeProvider time,
    ILogger<DeliveryHistory> logger)
{
    /// <summary>How many deliveries a history lists.</summary>
    public const int Rows = 15;

    public async Task<HistoryReport> ForGuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var guild = await guilds.GetAsync(guildId, cancellationToken) ?? new GuildSettings(guildId);
        var targets = await GuildTargetsAsync(guild, cancellationToken);
        var rows = await outbox.HistoryAsync(null, TargetKey.DiscordGuildPrefix(guildId), problemsOnly: false, Rows, cancellationToken);
        LogGuildRead(guildId, rows.Count);
        return new HistoryReport(targets, [.. rows.Select(DeliveryRecord.Of)]);
    }

    /// <summary>Every target this configuration and database know, or only <paramref name="target"/>.</summary>
    public async Task<HistoryReport> ForOperatorAsync(TargetKey? target, bool problemsOnly, CancellationToken cancellationToken)
    {
        var targets = new List<TargetState>();
        foreach (var guild in await guilds.AllAsync(cancellationToken))
        {
            targets.AddRange(await GuildTargetsAsync(guild, cancellationToken));
        }
        // Discord's come from the guilds' settings above, paused ones included; the others from the configuration.
        foreach (var source in epigraphSources.Where(s => s.Kind != TargetKind.Discord))
        {
            foreach (var epigraph in await source.GetTargetsAsync(cancellationToken))
            {
                targets.Add(await StateAsync(epigraph.Key, TargetUse.Epigraphs, epigraph.Schedule, pausedByModerator: false, cancellationToken));
            }
        }
        var text = target?.ToString();
        var rows = await outbox.HistoryAsync(text, null, problemsOnly, Rows, cancellationToken);
        LogOperatorRead(text ?? "all targets", rows.Count);
        return new HistoryReport([.. targets.Where(t => text is null || t.Target == text)], [.. rows.Select(DeliveryRecord.Of)]);
    }

    private async Task<List<TargetState>> GuildTargetsAsync(GuildSettings guild, CancellationToken cancellationToken)
    {
        var states = new List<TargetState>();
        if (guild.EpigraphChannelId is { } epigraphs)
        {
            var use = guild.AnnounceChannelId == epigraphs ? TargetUse.Epigraphs | TargetUse.Announcements : TargetUse.Epigraphs;
            var cron = guild.EpigraphCron ?? defaults.Value.Epigraph.Cron;
            var zone = guild.EpigraphTimeZone ?? defaults.Value.Epigraph.TimeZone;
            var schedule = CronSchedule.TryParse(cron, zone, out var parsed, out _) ? parsed! : defaults.Value.Epigraph.ToSchedule();
            states.Add(await StateAsync(TargetKey.Discord(guild.GuildId, epigraphs).ToString(), use, schedule, guild.Paused, cancellationToken));
        }
        if (guild.AnnounceChannelId is { } announcements && announcements != guild.EpigraphChannelId)
        {
            states.Add(await StateAsync(TargetKey.Discord(guild.GuildId, announcements).ToString(), TargetUse.Announcements, null, pausedByModerator: false, cancellationToken));
        }
        return states;
    }

    private async Task<TargetState> StateAsync(string target, TargetUse use, CronSchedule? schedule, bool pausedByModerator, CancellationToken cancellationToken)
    {
        var current = await health.GetAsync(target, cancellationToken);
        if (current.Paused)
        {
            var failures = current.ConsecutiveFailures == 1 ? "1 failed post" : $"{current.ConsecutiveFailures} failed posts";
            return new TargetState(target, use, TargetActivity.Stopped, $"{failures}: {current.LastError ?? "no reason recorded"}", null);
        }
        if (pausedByModerator)
        {
            return new TargetState(target, use, TargetActivity.Paused, null, null);
        }
        return new TargetState(target, use, TargetActivity.Active, null, schedule?.NextAfter(time.GetUtcNow()));
    }

    [LoggerMessage(EventId = 3060, EventName = "GuildHistoryRead", Level = LogLevel.Debug, Message = "Delivery history of guild {GuildId}: {Rows} rows")]
    private partial void LogGuildRead(ulong guildId, int rows);

    [LoggerMessage(EventId = 3061, EventName = "OperatorHistoryRead", Level = LogLevel.Debug, Message = "Delivery history of {Scope}: {Rows} rows")]
    private partial void LogOperatorRead(string scope, int rows);
}
