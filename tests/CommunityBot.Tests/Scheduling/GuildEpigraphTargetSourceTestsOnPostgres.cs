using CommunityBot.Storage;

namespace CommunityBot.Tests.Scheduling;

[OnPostgres]
public sealed class GuildEpigraphTargetSourceTestsOnPostgres() : GuildEpigraphTargetSourceTests(StorageProvider.Postgres);
