using CommunityBot.Delivery;
using CommunityBot.Scheduling;

namespace CommunityBot.Tests.Scheduling;

/// <summary>A source of one kind naming the given targets, as an instance's configuration would.</summary>
internal sealed class FixedEpigraphTargetSource(TargetKind kind, params EpigraphTarget[] targets) : IEpigraphTargetSource
{
    public TargetKind Kind => kind;

    public Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EpigraphTarget>>(targets);
}
