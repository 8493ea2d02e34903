using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Options;

namespace CommunityBot.Mastodon;

/// <summary>Every configured account is an epigraph target, on its own schedule or the default one.</summary>
public sealed class MastodonEpigraphTargetSource(MastodonAccounts accounts, IOptions<ScheduleOptions> schedule) : IEpigraphTargetSource
{
    public TargetKind Kind => TargetKind.Mastodon;

    public Task<IReadOnlyList<EpigraphTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EpigraphTarget>>(
            [.. accounts.All.Select(a => new EpigraphTarget(a.Target, (a.Options.Schedule ?? schedule.Value.Epigraph).ToSchedule()))]);
}
