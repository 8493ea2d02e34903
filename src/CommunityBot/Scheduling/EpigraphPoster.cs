using System.Collections.Concurrent;
using CommunityBot.Cards;
using CommunityBot.Commands;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

/// <summary>
/// Takes a target's next epigraph from its rotation and writes it to the outbox. The choice is saved before the
/// outbox row and the rotation moves on after it, both under the post's key, so a crash or a second run for the
/// same key leaves exactly one row and one step of the rotation.
/// </summary>
public sealed partial class EpigraphPoster(
    ContentStore content,
    RotationRepository rotations,
    OutboxRepository outbox,
    IEnumerable<IDeliveryChannel> channels,
    CardStudio cards,
    DeliverySignal signal,
    IRandomSource random,
    IOptions<ScheduleOptions> options,
    ILogger<EpigraphPoster> logger) : IEpigraphPoster
{
    public const string Kind = "epigraph";

    private readonly IDeliveryChannel[] _channels = [.. channels];
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<QuoteEntry?> PreviewAsync(string target, CancellationToken cancellationToken)
    {
        using var gate = await EnterAsync(target, cancellationToken);
        var pool = Pool();
        var chosen = await ChooseAsync(target, pool, cancellationToken);
        return chosen?.Next is { } next ? pool[next] : null;
    }

    public async Task<QuoteEntry?> PostAsync(string target, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var gate = await EnterAsync(target, cancellationToken);
        var pool = Pool();
        var state = await ChooseAsync(target, pool, cancellationToken);
        if (state is null)
        {
            LogNothingToPost(target);
            return null;
        }
        if (state.LastPostKey == idempotencyKey)
        {
            LogAlreadyPosted(target, idempotencyKey);
            return null;
        }
        var epigraph = pool[state.Next!];
        var channel = ChannelFor(target);
        IReadOnlyList<OutboxStep> steps;
        try
        {
            steps = channel.RenderEpigraph(target, epigraph);
        }
        catch (InvalidOperationException exception)
        {
            // A quote this target cannot carry (a Mastodon footer over the instance's budget) is passed over, not retried
            // at every fire: the rotation moves on, and the next post takes the next quote.
            await rotations.SaveAsync(EpigraphRotation.Advance(state, pool.Keys.ToList(), random, idempotencyKey), cancellationToken);
            LogUnrenderable(exception, target, state.Next!);
            return null;
        }
        steps = await cards.AttachAsync(target, epigraph, steps, cancellationToken);
        var written = await outbox.EnqueueAsync(OutboxStep.Chain(target, Kind, idempotencyKey, steps), cancellationToken);
        // A row already there means an earlier run wrote it and stopped before this step: finish that run's work.
        await rotations.SaveAsync(EpigraphRotation.Advance(state, pool.Keys.ToList(), random, idempotencyKey), cancellationToken);
        if (!written)
        {
            LogAlreadyPosted(target, idempotencyKey);
            return null;
        }
        signal.Notify();
        LogPosted(target, state.Next!, idempotencyKey);
        return epigraph;
    }

    private IReadOnlyDictionary<string, QuoteEntry> Pool() => EpigraphPool.Build(content.Index, options.Value.IncludeBodyQuotes);

    /// <summary>The target's state with its next quote chosen and saved, or null when there is nothing to post.</summary>
    private async Task<RotationState?> ChooseAsync(string target, IReadOnlyDictionary<string, QuoteEntry> pool, CancellationToken cancellationToken)
    {
        if (pool.Count == 0)
        {
            return null;
        }
        var state = await rotations.GetAsync(target, cancellationToken);
        var chosen = EpigraphRotation.WithNext(state, pool.Keys.ToList(), random);
        if (!ReferenceEquals(chosen, state))
        {
            await rotations.SaveAsync(chosen, cancellationToken);
        }
        return chosen;
    }

    private IDeliveryChannel ChannelFor(string target) =>
        DeliveryChannels.For(_channels, target)
        ?? throw new InvalidOperationException($"No delivery channel serves target '{target}'.");

    private async Task<IDisposable> EnterAsync(string target, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(target, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Epigraph {Quote} queued for {Target} ({Key})")]
    private partial void LogPosted(string target, string quote, string key);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Epigraph for {Target} already queued under {Key}; not posted again")]
    private partial void LogAlreadyPosted(string target, string key);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Epigraph {Quote} cannot be posted to {Target}; skipped")]
    private partial void LogUnrenderable(Exception exception, string target, string quote);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "No epigraph to post to {Target}: the corpus has none")]
    private partial void LogNothingToPost(string target);
}
