using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Scheduling;

public class GuildEpigraphTargetSourceTests
{
    private readonly string _provider;

    public GuildEpigraphTargetSourceTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected GuildEpigraphTargetSourceTests(string provider) => _provider = provider;

    [DatabaseFact]
    public async Task Targets_AreTheGuildsWithAnEpigraphChannel_NotPaused_OnTheirOwnScheduleOrTheDefault()
    {
        await using var db = await TestDatabase.CreateAsync(_provider);
        var guilds = new GuildSettingsRepository(db.Database, new FakeTimeProvider());
        await guilds.SaveAsync(new GuildSettings(1, EpigraphChannelId: 10));
        await guilds.SaveAsync(new GuildSettings(2, EpigraphChannelId: 20, EpigraphCron: "30 7 * * MON", EpigraphTimeZone: "America/New_York"));
        await guilds.SaveAsync(new GuildSettings(3, EpigraphChannelId: 30, Paused: true));
        await guilds.SaveAsync(new GuildSettings(4, AnnounceChannelId: 40));
        await guilds.SaveAsync(new GuildSettings(5, EpigraphChannelId: 50, EpigraphTimeZone: "Nowhere/Atlantis"));
        var source = new GuildEpigraphTargetSource(guilds, Options.Create(new ScheduleOptions()), NullLogger<GuildEpigraphTargetSource>.Instance);

        var targets = await source.GetTargetsAsync(CancellationToken.None);

        Assert.Equal(
            [("discord:1:10", "0 9 * * *", "Europe/Berlin"), ("discord:2:20", "30 7 * * MON", "America/New_York")],
            targets.Select(t => (t.Key, t.Schedule.Text, t.Schedule.TimeZone.Id)));
    }
}
