using CommunityBot.Storage;
using Moq;
using static CommunityBot.Tests.Discord.Config.ConfigHarness;

namespace CommunityBot.Tests.Discord.Config;

public class GuildRemovedHandlerTests
{
    [Fact]
    public async Task HandleAsync_DeletesTheGuildsSettingsAndUnschedulesItsTarget()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, AnnounceChannelId: OtherChannelId));
        await harness.Settings.SaveAsync(new GuildSettings(GuildId + 1, ChannelId));
        harness.Scheduler.Setup(s => s.UnscheduleAsync(Target(ChannelId), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await harness.GuildRemoved.HandleAsync(GuildId, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        harness.Scheduler.Verify(s => s.UnscheduleAsync(Target(ChannelId), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(await harness.Settings.GetAsync(GuildId));
        Assert.NotNull(await harness.Settings.GetAsync(GuildId + 1));
    }

    [Fact]
    public async Task HandleAsync_UnknownGuild_DoesNothing()
    {
        await using var harness = await StartAsync();

        await harness.GuildRemoved.HandleAsync(GuildId, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        harness.Scheduler.Verify(s => s.UnscheduleAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
