using CommunityBot.Storage;

namespace CommunityBot.Tests.Delivery;

[OnPostgres]
public sealed class DeliveryWorkerTestsOnPostgres() : DeliveryWorkerTests(StorageProvider.Postgres);
