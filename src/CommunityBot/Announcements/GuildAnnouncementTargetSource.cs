using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Announcements;

/// <summary>
/// Every guild that chose an announcement channel, with the role it chose to ping. /config pause stops the
/// scheduled epigraphs only, so a paused guild still hears of new essays.
/// </summary>
public sealed class GuildAnnouncementTargetSource(GuildSettingsRepository guilds) : IAnnouncementTargetSource
{
    public async Task<IReadOnlyList<AnnouncementTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        [.. (await guilds.AllAsync(cancellationToken))
            .Where(g => g.AnnounceChannelId is not null)
            .Select(g => new AnnouncementTarget(TargetKey.Discord(g.GuildId, g.AnnounceChannelId!.Value).ToString(), g.AnnounceRoleId, g.AnnounceThread))];
}
