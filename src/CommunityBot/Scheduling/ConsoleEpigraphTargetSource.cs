using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

/// <summary>Local mode: the console is a target like any other, on the default schedule.</summary>
public sealed class ConsoleEpigraphTargetSource(IOptions<ScheduleOptions> options) : IEpigraphTargetSource
{
    public const string Target = "console";

    public Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EpigraphTarget>>([new EpigraphTarget(Target, options.Value.Epigraph.ToSchedule())]);
}
