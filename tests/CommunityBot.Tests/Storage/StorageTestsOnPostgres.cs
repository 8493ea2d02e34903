using CommunityBot.Storage;

namespace CommunityBot.Tests.Storage;

[OnPostgres]
public sealed class StorageTestsOnPostgres() : StorageTests(StorageProvider.Postgres);
