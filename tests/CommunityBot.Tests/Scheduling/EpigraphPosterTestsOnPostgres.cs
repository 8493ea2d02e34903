using CommunityBot.Storage;

namespace CommunityBot.Tests.Scheduling;

[OnPostgres]
public sealed class EpigraphPosterTestsOnPostgres() : EpigraphPosterTests(StorageProvider.Postgres);
