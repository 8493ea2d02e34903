namespace CommunityBot.Scheduling;

/// <summary>One kind of target the bot should be posting epigraphs to right now; synced into Quartz at start.</summary>
public interface IEpigraphTargetSource
{
    Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken);
}
