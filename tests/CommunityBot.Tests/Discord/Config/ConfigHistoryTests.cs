using CommunityBot.Discord.Config;
using CommunityBot.Storage;
using static CommunityBot.Tests.Discord.Config.ConfigHarness;

namespace CommunityBot.Tests.Discord.Config;

public sealed class ConfigHistoryTests
{
    [Fact]
    public async Task History_AfterAFailure_ListsTheDeliveriesWithTheirErrors_AndEachChannelsState()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, AnnounceChannelId: OtherChannelId));
        await harness.Outbox.EnqueueAsync(Target(ChannelId), "epigraph", "{}", "epigraph:1");
        await harness.Outbox.EnqueueAsync(Target(OtherChannelId), "announcement", "{}", "announce:1");
        await harness.Outbox.EnqueueAsync(Target(ChannelId), "epigraph", "{}", "epigraph:2");
        await harness.Outbox.EnqueueAsync("discord:1:2", "epigraph", "{}", "another-guild");
        var rows = await harness.Outbox.AllAsync();
        await harness.Outbox.MarkDeliveredAsync(rows[0].Id, "111");
        await harness.Outbox.MarkFailedAsync(rows[1].Id, "403 Missing Access: the bot cannot post in the channel");
        await harness.Outbox.MarkRetryAsync(rows[2].Id, "503 Service Unavailable", harness.Time.GetUtcNow().AddMinutes(1));
        await harness.Health.RecordFailureAsync(Target(OtherChannelId), "403 Missing Access: the bot cannot post in the channel", pauseAfter: 1);

        var reply = await harness.RunAsync(Interaction(ConfigCommand.History));
        var text = TextOf(reply);

        Assert.Equal(64, reply.GetProperty("flags").GetInt32());
        var lines = text.Split('\n');
        var deliveries = lines.SkipWhile(l => !l.StartsWith("**Last 3 deliveries**", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(3, deliveries.Count);
        Assert.Contains($"· epigraph · <#{ChannelId}> · retrying (tried 1 time): 503 Service Unavailable", deliveries[0], StringComparison.Ordinal);
        Assert.Contains($"· announcement · <#{OtherChannelId}> · **failed**: 403 Missing Access", deliveries[1], StringComparison.Ordinal);
        Assert.EndsWith($"· epigraph · <#{ChannelId}> · delivered", deliveries[2], StringComparison.Ordinal);
        Assert.DoesNotContain("<#2>", text, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"- <#{ChannelId}> (epigraphs): active, next epigraph <t:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"- <#{OtherChannelId}> (announcements): **delivery stopped** after 1 failed post: 403 Missing Access", StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_OfAPausedGuild_SaysItIsPaused_AndThatNothingWasDeliveredYet()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, AnnounceChannelId: ChannelId, Paused: true));

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.History)));

        Assert.Contains($"- <#{ChannelId}> (epigraphs and announcements): paused with `/config pause`", text, StringComparison.Ordinal);
        Assert.Contains("**Deliveries:** none yet.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ForAMemberWithoutManageServer_IsRefused()
    {
        await using var harness = await StartAsync();

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.History, permissions: "2048")));

        Assert.Contains("Manage Server", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Targets", text, StringComparison.Ordinal);
    }
}
