using CommunityBot.Delivery;
using Microsoft.Extensions.Options;

namespace CommunityBot.Scheduling;

/// <summary>Local mode: the console is a target like any other, on the default schedule.</summary>
public sealed class ConsoleEpigraphTargetSource(IOptions<ScheduleOptions> options) : IEpigraphTargetSource
{
    public static readonly string Target = TargetKey.Console.ToString();

    public TargetKind Kind => TargetKind.Console;

    public Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EpigraphTarget>>([new EpigraphTarget(Target, options.Value.Epigraph.ToSchedule())]);
}
