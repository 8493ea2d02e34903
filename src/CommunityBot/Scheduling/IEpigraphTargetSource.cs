using CommunityBot.Delivery;

namespace CommunityBot.Scheduling;

/// <summary>One kind of target the bot should be posting epigraphs to right now; synced into Quartz at start.</summary>
public interface IEpigraphTargetSource
{
    /// <summary>
    /// The kind of target this source names every one of, as far as this instance knows: the start-up sync removes
    /// the triggers of this kind that the source no longer names, and leaves every other kind alone.
    /// </summary>
    TargetKind Kind { get; }

    Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken);
}
