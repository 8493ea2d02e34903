using CommunityBot.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Scheduling;

/// <summary>
/// At start, one trigger for every target the sources name, and none for targets of their kinds that are gone; the
/// kinds this instance has no source for may be another instance's and are left alone (see EpigraphScheduler.SyncAsync).
/// </summary>
public sealed partial class EpigraphTargetSync(
    IEnumerable<IEpigraphTargetSource> sources,
    EpigraphScheduler scheduler,
    ILogger<EpigraphTargetSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var targets = new List<EpigraphTarget>();
        var owned = new HashSet<TargetKind>();
        foreach (var source in sources)
        {
            targets.AddRange(await source.GetTargetsAsync(cancellationToken));
            owned.Add(source.Kind);
        }
        await scheduler.SyncAsync(targets, owned, cancellationToken);
        LogSynced(targets.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Epigraph schedules in place (targets: {Count})")]
    private partial void LogSynced(int count);
}
