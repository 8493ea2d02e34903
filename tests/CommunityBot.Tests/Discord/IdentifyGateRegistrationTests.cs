using CommunityBot.Clients.Discord.Gateway;
using CommunityBot.Discord;
using CommunityBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Discord;

/// <summary>Where the bot's shards take their identify turns, by the storage its instances share.</summary>
public class IdentifyGateRegistrationTests : IAsyncLifetime
{
    private readonly string _provider;
    private TestDatabase _db = null!;

    public IdentifyGateRegistrationTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected IdentifyGateRegistrationTests(string provider) => _provider = provider;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [DatabaseFact]
    public void AddDiscord_TakesIdentifyTurnsInTheDatabaseOnPostgres_AndInProcessOnSqlite()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_db.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStorage();
        services.AddDiscord();
        using var provider = services.BuildServiceProvider();

        var gate = provider.GetRequiredService<IGatewayIdentifyGate>();

        Assert.IsType(_provider == StorageProvider.Postgres ? typeof(DatabaseIdentifyGate) : typeof(InProcessIdentifyGate), gate);
    }
}
