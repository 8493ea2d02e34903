using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

/// <summary>Every guild that chose an epigraph channel and is not paused, on its own schedule or the default.</summary>
public sealed partial class GuildEpigraphTargetSource(
    GuildSettingsRepository guilds,
    IOptions<ScheduleOptions> options,
    ILogger<GuildEpigraphTargetSource> logger) : IEpigraphTargetSource
{
    public TargetKind Kind => TargetKind.Discord;

    public async Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken)
    {
        var fallback = options.Value.Epigraph;
        var targets = new List<EpigraphTarget>();
        foreach (var guild in await guilds.AllAsync(cancellationToken))
        {
            if (guild.EpigraphChannelId is not { } channel || guild.Paused)
            {
                continue;
            }
            var cron = guild.EpigraphCron ?? fallback.Cron;
            var zone = guild.EpigraphTimeZone ?? fallback.TimeZone;
            if (CronSchedule.TryParse(cron, zone, out var schedule, out var problem))
            {
                targets.Add(new EpigraphTarget(TargetKey.Discord(guild.GuildId, channel).ToString(), schedule!));
            }
            else
            {
                // /config validates before saving; a stored schedule that no longer parses (a zone dropped from
                // the system's database) must not stop every other guild's posts.
                LogBadSchedule(guild.GuildId, problem!);
            }
        }
        return targets;
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Guild {GuildId} gets no scheduled epigraphs: {Problem}")]
    private partial void LogBadSchedule(ulong guildId, string problem);
}
