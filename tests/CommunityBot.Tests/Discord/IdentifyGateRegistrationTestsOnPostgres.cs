using CommunityBot.Storage;

namespace CommunityBot.Tests.Discord;

[OnPostgres]
public sealed class IdentifyGateRegistrationTestsOnPostgres() : IdentifyGateRegistrationTests(StorageProvider.Postgres);
