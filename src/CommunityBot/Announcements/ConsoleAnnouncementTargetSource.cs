using CommunityBot.Console;

namespace CommunityBot.Announcements;

/// <summary>Local mode: announcements are printed at the console.</summary>
public sealed class ConsoleAnnouncementTargetSource : IAnnouncementTargetSource
{
    public Task<IReadOnlyList<AnnouncementTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AnnouncementTarget>>([new AnnouncementTarget(ConsoleDeliveryChannel.Target)]);
}
