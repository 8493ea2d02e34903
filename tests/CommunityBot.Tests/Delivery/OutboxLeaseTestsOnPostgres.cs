using CommunityBot.Storage;

namespace CommunityBot.Tests.Delivery;

[OnPostgres]
public sealed class OutboxLeaseTestsOnPostgres() : OutboxLeaseTests(StorageProvider.Postgres);
