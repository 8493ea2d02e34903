using CommunityBot.Mastodon;

namespace CommunityBot.Announcements;

/// <summary>Every configured Mastodon account announces new essays.</summary>
public sealed class MastodonAnnouncementTargetSource(MastodonAccounts accounts) : IAnnouncementTargetSource
{
    public Task<IReadOnlyList<AnnouncementTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AnnouncementTarget>>([.. accounts.All.Select(a => new AnnouncementTarget(a.Target))]);
}
