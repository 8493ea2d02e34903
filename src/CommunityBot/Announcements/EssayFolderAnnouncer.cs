using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using CommunityBot.Content;
using CommunityBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Announcements;

/// <summary>
/// Announces essays that appear in the folder. The very first start takes what is there as the baseline and
/// remembers it; every later start announces the essays that are not known yet (added while the bot was down),
/// and while running an essay is announced when it becomes valid. Edits and renames never announce again.
/// With several instances only the one holding <see cref="ClusterWork.EssayFolder"/> announces; the others ask for it
/// again every <see cref="ClusterLock.RetryInterval"/> and when an essay appears, and the one that takes over catches
/// up first, so what appeared while no one held it is announced then.
/// </summary>
public sealed partial class EssayFolderAnnouncer(
    ContentStore content,
    Announcer announcer,
    SourceStateRepository states,
    ClusterLock cluster,
    TimeProvider time,
    ILogger<EssayFolderAnnouncer> logger) : BackgroundService
{
    public const string Source = "essays";

    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Essay> _added = Channel.CreateUnbounded<Essay>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Raised after an essay added while running was handled, announced or not; lets tests wait without sleeping.</summary>
    internal event Action<Essay>? Handled;

    /// <summary>
    /// Completes when the start's baseline or catch-up is done (or failed and was logged), or another instance was
    /// found doing it.
    /// </summary>
    internal Task CaughtUp => _caughtUp.Task;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Listen before looking, so an essay added during the start is seen by one or the other.
        content.EssayChanged += OnEssayChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        content.EssayChanged -= OnEssayChanged;
        _added.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // In the background, not in StartAsync: a stop during the start (end of input in local mode) cancels
            // this work, never the host's start.
            var holding = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!holding)
                {
                    holding = await cluster.HoldsAsync(ClusterWork.EssayFolder, stoppingToken);
                    if (holding)
                    {
                        await CatchUpLoggedAsync(stoppingToken);
                    }
                    _caughtUp.TrySetResult();
                    if (!holding)
                    {
                        SkipAdded();
                        if (!await WaitForEssayOrRetryAsync(stoppingToken))
                        {
                            return;
                        }
                        continue;
                    }
                }
                if (!await _added.Reader.WaitToReadAsync(stoppingToken))
                {
                    return;
                }
                // Another instance may have taken over while this one waited; then it announces this essay.
                holding = await cluster.HoldsAsync(ClusterWork.EssayFolder, stoppingToken);
                if (holding && _added.Reader.TryRead(out var essay))
                {
                    await AnnounceLoggedAsync(essay, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpLoggedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            LogCatchUpFailed(exception);
        }
    }

    private async Task AnnounceLoggedAsync(Essay essay, CancellationToken cancellationToken)
    {
        try
        {
            await announcer.AnnounceNewAsync(Source, [AnnouncementCandidate.FromEssay(essay)], cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogAnnounceFailed(exception, essay.Slug);
        }
        Handled?.Invoke(essay);
    }

    // The instance doing the work announces these; taking over later catches up on the whole folder.
    private void SkipAdded()
    {
        while (_added.Reader.TryRead(out var essay))
        {
            Handled?.Invoke(essay);
        }
    }

    /// <summary>Waits for the retry interval or a new essay, whichever comes first; false once the bot stops.</summary>
    private async Task<bool> WaitForEssayOrRetryAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var retry = Task.Delay(ClusterLock.RetryInterval, time, waiting.Token);
        var added = _added.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var first = await Task.WhenAny(retry, added);
        await waiting.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        return first != added || await added;
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var essays = content.Index.Essays.Select(AnnouncementCandidate.FromEssay).ToList();
        if (await states.GetAsync(Source, cancellationToken) is { Cursor: not null })
        {
            var announced = await announcer.AnnounceNewAsync(Source, essays, cancellationToken);
            LogCaughtUp(essays.Count, announced.Count);
            return;
        }
        if (essays.Count == 0)
        {
            // A missing or empty folder (a mount not there yet) is no baseline: the real one would all be "new" later.
            return;
        }
        await announcer.RecordBaselineAsync(Source, essays, cancellationToken);
        var now = time.GetUtcNow();
        await states.SaveAsync(new SourceState(Source, now.ToString("O", CultureInfo.InvariantCulture)), cancellationToken);
    }

    private void OnEssayChanged(object? sender, EssayChangedEventArgs change)
    {
        if (change.Kind == EssayChangeKind.Added)
        {
            _added.Writer.TryWrite(change.Essay);
        }
    }

    [LoggerMessage(EventId = 4105, EventName = "FolderCaughtUp", Level = LogLevel.Information, Message = "Essays folder read (essays: {Count}; not seen before, so announced: {Announced})")]
    private partial void LogCaughtUp(int count, int announced);

    [LoggerMessage(EventId = 4106, EventName = "FolderCatchUpFailed", Level = LogLevel.Error, Message = "Essays folder could not be checked against what was announced; new files are still watched")]
    private partial void LogCatchUpFailed(Exception exception);

    [LoggerMessage(EventId = 4107, EventName = "FolderAnnounceFailed", Level = LogLevel.Error, Message = "Essay {Slug} could not be announced")]
    private partial void LogAnnounceFailed(Exception exception, string slug);
}
