using CommunityBot.Storage;

namespace CommunityBot.Tests.Cards;

[OnPostgres]
public sealed class CardDeliveryTestsOnPostgres() : CardDeliveryTests(StorageProvider.Postgres);
