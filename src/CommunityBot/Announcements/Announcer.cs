using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Announcements;

/// <summary>
/// Decides what is new and writes one outbox row per target for it, oldest first. An item is new when none of
/// its keys is known from any source. The rows are written before the keys are recorded, under keys made from
/// the essay and the target, so a crash in between leaves the same rows and never a second announcement.
/// </summary>
public sealed partial class Announcer(
    AnnouncedRepository announced,
    OutboxRepository outbox,
    IEnumerable<IAnnouncementTargetSource> targetSources,
    IEnumerable<IDeliveryChannel> channels,
    DeliverySignal signal,
    TimeProvider time,
    ILogger<Announcer> logger) : IDisposable
{
    public const string Kind = "announcement";
    public const string ManualSource = "manual";

    private readonly IDeliveryChannel[] _channels = [.. channels];
    private readonly IAnnouncementTargetSource[] _targetSources = [.. targetSources];

    // The folder and every feed announce through here; one at a time, so the same essay seen by two sources at
    // once is announced by the first and recognised by the second.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>What a log line shows for the keys of one announcement: the stored form, with the target left open.</summary>
    public const string AnyTarget = "{target}";

    public static string IdempotencyKey(string essayKey, string target) => $"announce:{essayKey}:{target}";

    /// <summary>
    /// A manual announcement's essay key: the essay's own key and the UTC second it was asked for, so that an essay
    /// announced before goes out again, while the same request twice in one second is queued once.
    /// </summary>
    public static string ManualKey(string essayKey, DateTimeOffset at) => $"{essayKey}:{ManualSource}:{at.UtcDateTime:yyyyMMddHHmmss}";

    /// <summary>The first sight of a source: what it holds now is remembered and not announced.</summary>
    public async Task RecordBaselineAsync(string source, IReadOnlyList<AnnouncementCandidate> candidates, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await announced.RecordAsync(source, candidates.SelectMany(c => c.Aliases), AnnouncedRepository.Baseline, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        LogBaseline(source, candidates.Count);
    }

    /// <summary>Announces the candidates none of whose keys is known yet, oldest first; returns those announced.</summary>
    public async Task<IReadOnlyList<AnnouncementCandidate>> AnnounceNewAsync(string source, IReadOnlyList<AnnouncementCandidate> candidates, CancellationToken cancellationToken)
    {
        var fresh = new List<AnnouncementCandidate>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var candidate in AnnouncementCandidate.OldestFirst(candidates))
            {
                var known = await announced.FindKnownAsync(candidate.Aliases, cancellationToken);
                if (known.Count > 0)
                {
                    // Seen before under another key (a new guid for the same link, the feed item of a folder
                    // essay): remember the new keys too, announce nothing.
                    var newKeys = candidate.Aliases.Where(k => !known.Contains(k)).ToList();
                    if (newKeys.Count > 0)
                    {
                        await announced.RecordAsync(source, newKeys, AnnouncedRepository.Alias, cancellationToken);
                    }
                    continue;
                }
                var targets = await EnqueueAsync(candidate.Key, candidate.Essay, cancellationToken);
                await announced.RecordAsync(source, candidate.Aliases, AnnouncedRepository.Announced, cancellationToken);
                var keys = IdempotencyKey(candidate.Key, AnyTarget);
                LogAnnounced(candidate.Essay.Title, source, targets, keys);
                fresh.Add(candidate);
            }
        }
        finally
        {
            _gate.Release();
        }
        if (fresh.Count > 0)
        {
            signal.Notify();
        }
        return fresh;
    }

    /// <summary>
    /// An operator's announcement of an essay, whether or not it was announced before (a repost, or an essay
    /// added while the bot was down before its first start). Running it twice in one second queues it once.
    /// </summary>
    public async Task<int> AnnounceManuallyAsync(Essay essay, CancellationToken cancellationToken)
    {
        var candidate = AnnouncementCandidate.FromEssay(essay);
        var key = ManualKey(candidate.Key, time.GetUtcNow());
        int targets;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            targets = await EnqueueAsync(key, essay, cancellationToken);
            await announced.RecordAsync(ManualSource, candidate.Aliases, AnnouncedRepository.Manual, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        var keys = IdempotencyKey(key, AnyTarget);
        LogManual(essay.Slug, targets, keys);
        signal.Notify();
        return targets;
    }

    private async Task<int> EnqueueAsync(string essayKey, Essay essay, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var source in _targetSources)
        {
            foreach (var target in await source.GetTargetsAsync(cancellationToken))
            {
                var channel = DeliveryChannels.For(_channels, target.Key);
                if (channel is null)
                {
                    LogNoChannel(target.Key);
                    continue;
                }
                IReadOnlyList<OutboxStep> steps;
                try
                {
                    steps = channel.RenderAnnouncement(target.Key, essay, target.MentionRoleId, target.OpenThread);
                }
                catch (InvalidOperationException exception)
                {
                    // One target's impossible post (hashtags over its budget) must not cost the others theirs.
                    LogRenderFailed(exception, target.Key, essay.Slug);
                    continue;
                }
                await outbox.EnqueueAsync(OutboxStep.Chain(target.Key, Kind, IdempotencyKey(essayKey, target.Key), steps), cancellationToken);
                queued++;
            }
        }
        if (queued == 0)
        {
            LogNoTargets(essayKey);
        }
        return queued;
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Baseline of {Source} taken, none announced (items remembered: {Count})")]
    private partial void LogBaseline(string source, int count);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "New essay \"{Title}\" from {Source} queued (targets: {Targets}) as {Key}")]
    private partial void LogAnnounced(string title, string source, int targets, string key);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Manual action: announcement of {Slug} queued (targets: {Targets}) as {Key}")]
    private partial void LogManual(string slug, int targets, string key);

    [LoggerMessage(EventId = 4310, Level = LogLevel.Warning, Message = "No announcement target is configured; {Key} is remembered as announced")]
    private partial void LogNoTargets(string key);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Error, Message = "No delivery channel serves announcement target {Target}")]
    private partial void LogNoChannel(string target);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Error, Message = "The announcement of {Slug} cannot be written for {Target}")]
    private partial void LogRenderFailed(Exception exception, string target, string slug);
}
