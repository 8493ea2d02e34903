using CommunityBot.Storage;

namespace CommunityBot.Tests.Scheduling;

[OnPostgres]
public sealed class EpigraphSchedulerTestsOnPostgres() : EpigraphSchedulerTests(StorageProvider.Postgres);
