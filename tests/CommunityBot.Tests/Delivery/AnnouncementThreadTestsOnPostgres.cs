using CommunityBot.Storage;

namespace CommunityBot.Tests.Delivery;

[OnPostgres]
public sealed class AnnouncementThreadTestsOnPostgres() : AnnouncementThreadTests(StorageProvider.Postgres);
