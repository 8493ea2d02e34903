using System.Globalization;
using System.Text.RegularExpressions;
using CommunityBot.Cards;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Options;

namespace CommunityBot.Discord.Config;

/// <summary>
/// What each /config subcommand does to a guild: settings are saved first, then the guild's trigger is replaced,
/// so a change takes effect at once and a restart schedules from what was saved. Answers are for the moderator alone.
/// </summary>
public sealed partial class GuildConfigurator(
    BotChannelAccess access,
    GuildSettingsRepository settings,
    OutboxRepository outbox,
    TargetHealthRepository health,
    IEpigraphScheduler scheduler,
    IEpigraphPoster poster,
    IOptions<ScheduleOptions> defaults,
    IOptions<CardOptions> cards,
    TimeProvider time)
{
    private const int RecentRows = 5;
    private const string NoChannel = "No epigraph channel is set yet. Choose one with `/config epigraphs channel:#channel`.";
    private static readonly string[] _timeFormats = ["HH:mm", "H:mm"];

    /// <param name="withCards">Whether posts carry a quote card; null keeps the guild's choice.</param>
    public async Task<string> SetEpigraphsAsync(ulong guildId, ulong channelId, string? dailyTime, string? cron, string? timeZone,
        bool? withCards, CancellationToken cancellationToken)
    {
        if (dailyTime is not null && cron is not null)
        {
            return "Give either `time` or `cron`, not both: for example `time:09:00` (daily), or `cron:0 9 * * 1-5` (weekdays at 09:00).";
        }
        if (dailyTime is not null)
        {
            if (!TimeOnly.TryParseExact(dailyTime.Trim(), _timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return $"Not saved: `{dailyTime}` is not a time. Use HH:mm on a 24-hour clock, for example `time:09:00` or `time:18:30`.";
            }
            cron = CronSchedule.DailyAt(at);
        }
        var previous = await settings.GetAsync(guildId, cancellationToken) ?? new GuildSettings(guildId);
        var updated = previous with
        {
            EpigraphChannelId = channelId,
            EpigraphCron = cron?.Trim() ?? previous.EpigraphCron,
            EpigraphTimeZone = timeZone?.Trim() ?? previous.EpigraphTimeZone,
            EpigraphCards = withCards ?? previous.EpigraphCards,
        };
        var (cronText, zoneText) = Effective(updated);
        if (!CronSchedule.TryParse(cronText, zoneText, out var schedule, out var problem))
        {
            return $"Not saved: {problem}.";
        }
        var check = await access.CheckAsync(guildId, channelId, DiscordPermissions.ToPost, cancellationToken);
        if (!check.CanPost)
        {
            return $"Not saved: {check.Problem}";
        }

        await settings.SaveAsync(updated, cancellationToken);
        if (previous.EpigraphChannelId is { } old && old != channelId)
        {
            await scheduler.UnscheduleAsync(GuildTargets.Epigraph(guildId, old), cancellationToken);
        }
        var saved = $"Epigraphs go to <#{channelId}>, {Describe(schedule!)}{CardsNote(updated)}.";
        if (updated.Paused)
        {
            return $"{saved}\nPosts are paused; `/config resume` starts them.";
        }
        var target = GuildTargets.Epigraph(guildId, channelId);
        await scheduler.ScheduleAsync(target, schedule!, cancellationToken);
        return $"{saved}\nNext post: {await NextPostAsync(target, schedule!, cancellationToken)}.";
    }

    /// <param name="thread">Whether each announcement opens a discussion thread; null keeps what was chosen before.</param>
    public async Task<string> SetAnnouncementsAsync(ulong guildId, ulong channelId, ulong? roleId, JsonRole? role, bool? thread, CancellationToken cancellationToken)
    {
        if (roleId == guildId)
        {
            return "Not saved: choose a role other than @everyone to ping, or leave `role` out.";
        }
        var previous = await settings.GetAsync(guildId, cancellationToken) ?? new GuildSettings(guildId);
        var openThread = thread ?? previous.AnnounceThread;
        // Threads are checked whenever they stay on, so moving announcements to a channel that forbids them is caught too.
        var check = await access.CheckAsync(guildId, channelId, DiscordPermissions.ToPost | (openThread ? DiscordPermissions.ToOpenThreads : 0), cancellationToken);
        if (!check.CanPost)
        {
            return $"Not saved: {check.Problem}";
        }
        await settings.SaveAsync(previous with { AnnounceChannelId = channelId, AnnounceRoleId = roleId, AnnounceThread = openThread }, cancellationToken);
        var reply = roleId is { } r ? $"New essays are announced in <#{channelId}>, pinging <@&{r}>." : $"New essays are announced in <#{channelId}>, without pinging a role.";
        reply += openThread
            ? "\nEach announcement opens a discussion thread, named after the essay, with its epigraph as the first message."
            : "";
        // Discord drops the ping silently for a role that is not mentionable unless the bot may mention every role.
        if (role is { Mentionable: false } && (check.Permissions & DiscordPermissions.MentionEveryone) == 0)
        {
            reply += $"\nNote: <@&{roleId}> is not mentionable and I lack **Mention @everyone, @here, and All Roles** there, so it will be named but not pinged.";
        }
        return reply;
    }

    public async Task<string> PauseAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(guildId, cancellationToken) is not { EpigraphChannelId: { } channelId } current)
        {
            return NoChannel;
        }
        await settings.SaveAsync(current with { Paused = true }, cancellationToken);
        await scheduler.UnscheduleAsync(GuildTargets.Epigraph(guildId, channelId), cancellationToken);
        return current.Paused
            ? $"Epigraph posts to <#{channelId}> were already paused."
            : $"Paused: no epigraphs go to <#{channelId}> until `/config resume`.";
    }

    public async Task<string> ResumeAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(guildId, cancellationToken) is not { EpigraphChannelId: { } channelId } current)
        {
            return NoChannel;
        }
        var schedule = ScheduleOf(current);
        var target = GuildTargets.Epigraph(guildId, channelId);
        await settings.SaveAsync(current with { Paused = false }, cancellationToken);
        await health.ResumeAllAsync(GuildTargets.Prefix(guildId), cancellationToken);
        await scheduler.ScheduleAsync(target, schedule, cancellationToken);
        return $"Resumed: epigraphs go to <#{channelId}>, {Describe(schedule)}.\nNext post: {await NextPostAsync(target, schedule, cancellationToken)}.";
    }

    public async Task<ConfigReply> PreviewAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(guildId, cancellationToken) is not { EpigraphChannelId: { } channelId } current)
        {
            return new ConfigReply(NoChannel);
        }
        var target = GuildTargets.Epigraph(guildId, channelId);
        if (await poster.PreviewAsync(target, cancellationToken) is not { } entry)
        {
            return new ConfigReply("There is no epigraph to post: no essay has one yet.");
        }
        var when = current.Paused
            ? "Posts are paused (`/config resume` starts them); when resumed, the next one is"
            : $"Next post in <#{channelId}>, {await NextPostAsync(target, ScheduleOf(current), cancellationToken)}:";
        return new ConfigReply(when) { Preview = new QuoteReply(entry, 1) };
    }

    public async Task<string> PostNowAsync(ulong guildId, ulong interactionId, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(guildId, cancellationToken) is not { EpigraphChannelId: { } channelId })
        {
            return NoChannel;
        }
        // The interaction's id as the key: a second click on the same command cannot post twice.
        var key = $"manual:{interactionId}";
        return await poster.PostAsync(GuildTargets.Epigraph(guildId, channelId), key, cancellationToken) is { } entry
            ? $"Posting the next epigraph to <#{channelId}> now: {entry.Quote.Author}, from *{entry.Essay.Title}*. `/config show` lists any delivery problem."
            : "There is no epigraph to post: no essay has one yet.";
    }

    public async Task<string> ShowAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(guildId, cancellationToken) ?? new GuildSettings(guildId);
        var lines = new List<string>();
        if (current.EpigraphChannelId is { } channelId)
        {
            var schedule = ScheduleOf(current);
            var target = GuildTargets.Epigraph(guildId, channelId);
            lines.Add($"**Epigraphs:** <#{channelId}>, {Describe(schedule)}{(current.EpigraphCron is null ? " (the bot's default)" : "")}{CardsNote(current)}.");
            lines.Add(current.Paused ? "**Next post:** none, paused (`/config resume` starts them)." : $"**Next post:** {await NextPostAsync(target, schedule, cancellationToken)}.");
            if (await health.GetAsync(target, cancellationToken) is { Paused: true } stopped)
            {
                lines.Add($"**Delivery stopped** after {DisplayFormat.Count(stopped.ConsecutiveFailures, "failed post")}: {stopped.LastError}. Fix the cause, then `/config resume`.");
            }
        }
        else
        {
            lines.Add("**Epigraphs:** no channel yet (`/config epigraphs channel:#channel`).");
        }
        lines.Add(current.AnnounceChannelId is { } announce
            ? $"**Announcements:** <#{announce}>{(current.AnnounceRoleId is { } role ? $", pinging <@&{role}>" : ", no role pinged")}{(current.AnnounceThread ? ", a discussion thread under each" : "")}."
            : "**Announcements:** no channel yet (`/config announcements channel:#channel`).");
        var failed = (await outbox.RecentAsync(GuildTargets.Prefix(guildId), RecentRows, cancellationToken))
            .Where(row => row.Status == OutboxStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            lines.Add("**Recent failed posts:**");
            lines.AddRange(failed.Select(row => $"- <t:{row.CreatedAt.ToUnixTimeSeconds()}:f> to <#{GuildTargets.ChannelOf(row.Target)}>: {row.LastError ?? "no reason recorded"}"));
        }
        return string.Join('\n', lines);
    }

    private string CardsNote(GuildSettings guild) => guild.EpigraphCards
        ? cards.Value.Enabled ? ", with quote cards" : ", with quote cards once the bot's operator turns them on (Cards:Enabled); as text until then"
        : "";

    private (string Cron, string TimeZone) Effective(GuildSettings guild) =>
        (guild.EpigraphCron ?? defaults.Value.Epigraph.Cron, guild.EpigraphTimeZone ?? defaults.Value.Epigraph.TimeZone);

    // A saved schedule that no longer parses (a time zone gone from the system) falls back to the default.
    private CronSchedule ScheduleOf(GuildSettings guild)
    {
        var (cron, zone) = Effective(guild);
        return CronSchedule.TryParse(cron, zone, out var schedule, out _) ? schedule! : defaults.Value.Epigraph.ToSchedule();
    }

    private async Task<string> NextPostAsync(string target, CronSchedule schedule, CancellationToken cancellationToken)
    {
        if ((await scheduler.NextFireAsync(target, cancellationToken) ?? schedule.NextAfter(time.GetUtcNow())) is not { } next)
        {
            return "none (the schedule never fires again)";
        }
        var local = TimeZoneInfo.ConvertTime(next, schedule.TimeZone);
        return $"<t:{next.ToUnixTimeSeconds()}:F> ({local:ddd d MMM HH:mm} {schedule.TimeZone.Id})";
    }

    // A schedule made from time:HH:mm reads back as that time rather than as its cron.
    private static string Describe(CronSchedule schedule) => DailyCron().Match(schedule.Text) is { Success: true } daily
        ? $"daily at {int.Parse(daily.Groups[2].Value, CultureInfo.InvariantCulture):00}:{int.Parse(daily.Groups[1].Value, CultureInfo.InvariantCulture):00} {schedule.TimeZone.Id} time"
        : $"cron `{schedule.Text}` in {schedule.TimeZone.Id}";

    [GeneratedRegex(@"^0 (\d{1,2}) (\d{1,2}) \* \* \?$")]
    private static partial Regex DailyCron();
}
