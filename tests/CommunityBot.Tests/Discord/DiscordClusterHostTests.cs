using CommunityBot.Cluster;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Discord;

/// <summary>The bot's host, wired as Program.cs wires it, on PostgreSQL against the fake Discord.</summary>
[OnPostgres]
public sealed class DiscordClusterHostTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [DatabaseFact]
    public async Task BotOnPostgres_TakesItsShardsIdentifyTurnInTheDatabase_UnderItsInstanceId()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        var settings = _db.Settings;
        settings["Cluster:InstanceId"] = "bot-2";
        settings["Discord:ShardCount"] = "2";
        settings["Discord:ShardIds"] = "1";
        await using var bot = await DiscordBotHost.StartAsync(discord, settings, builder => builder.Services.AddCluster());

        var (_, identify) = await discord.Gateway.NextHandshakeAsync();

        Assert.Equal([1, 2], identify.Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        await using var connection = await _db.Database.OpenAsync();
        await using var read = connection.Command("SELECT bucket, owner FROM identify_slot");
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((0, "bot-2"), (reader.GetInt32(0), reader.GetString(1)));
        Assert.False(await reader.ReadAsync());
    }
}
