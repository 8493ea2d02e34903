using CommunityBot.Storage;

namespace CommunityBot.Tests.Announcements;

[OnPostgres]
public sealed class EssayFolderAnnouncementTestsOnPostgres() : EssayFolderAnnouncementTests(StorageProvider.Postgres);
