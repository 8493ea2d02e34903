namespace CommunityBot.Announcements;

/// <summary>One kind of target that should hear of a new essay right now; asked at each announcement.</summary>
public interface IAnnouncementTargetSource
{
    Task<IReadOnlyList<AnnouncementTarget>> GetTargetsAsync(CancellationToken cancellationToken);
}
