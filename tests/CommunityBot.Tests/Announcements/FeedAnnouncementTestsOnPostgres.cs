using CommunityBot.Storage;

namespace CommunityBot.Tests.Announcements;

[OnPostgres]
public sealed class FeedAnnouncementTestsOnPostgres() : FeedAnnouncementTests(StorageProvider.Postgres);
