using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Content;
using CommunityBot.Discord;
using CommunityBot.Discord.Config;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Moq;
using static CommunityBot.Tests.Discord.Config.ConfigHarness;

namespace CommunityBot.Tests.Discord.Config;

public class ConfigCommandHandlerTests
{
    private static readonly string _nextFire = $"<t:{NextFire.ToUnixTimeSeconds()}:F>";

    [Fact]
    public async Task Epigraphs_MemberWithoutManageServer_IsDeniedAndNothingChanges()
    {
        await using var harness = await StartAsync();

        var reply = await harness.RunAsync(Epigraphs(ChannelId, time: "09:30", permissions: "2048"));

        Assert.Contains("Manage Server", TextOf(reply));
        Assert.Equal(64, reply.GetProperty("flags").GetInt32());
        Assert.Empty(reply.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Null(await harness.Settings.GetAsync(GuildId));
        harness.Scheduler.Verify(s => s.ScheduleAsync(It.IsAny<string>(), It.IsAny<CronSchedule>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Show_OutsideAServer_SaysItWorksOnlyInServers()
    {
        await using var harness = await StartAsync();

        var reply = await harness.RunAsync(Interaction(ConfigCommand.Show) with { GuildId = null, Member = null });

        Assert.Contains("only inside a server", TextOf(reply));
    }

    [Theory]
    [InlineData(ManageGuild)]
    [InlineData(Administrator)]
    public async Task Epigraphs_ManageServerOrAdministrator_SavesSchedulesAndShowsNextPost(string permissions)
    {
        await using var harness = await StartAsync();
        CronSchedule? scheduled = null;
        harness.Scheduler.Setup(s => s.ScheduleAsync(Target(ChannelId), It.IsAny<CronSchedule>(), It.IsAny<CancellationToken>()))
            .Callback<string, CronSchedule, CancellationToken>((_, schedule, _) => scheduled = schedule).Returns(Task.CompletedTask);

        var reply = await harness.RunAsync(Epigraphs(ChannelId, time: "09:30", zone: "America/New_York", permissions: permissions));

        Assert.Equal(new GuildSettings(GuildId, ChannelId, "0 30 9 * * ?", "America/New_York"), await harness.Settings.GetAsync(GuildId));
        Assert.Equal("0 30 9 * * ?", scheduled!.Text);
        Assert.Equal("America/New_York", scheduled.TimeZone.Id);
        Assert.Contains(_nextFire, TextOf(reply));
        Assert.Contains("daily at 09:30 America/New_York time", TextOf(reply));
        Assert.Contains($"<#{ChannelId}>", TextOf(reply));
    }

    [Fact]
    public async Task Epigraphs_CronWithoutZone_UsesTheDefaultZone()
    {
        await using var harness = await StartAsync();
        harness.Scheduler.Setup(s => s.ScheduleAsync(Target(ChannelId),
            It.Is<CronSchedule>(c => c.Text == "0 7 * * 1-5" && c.TimeZone.Id == "Europe/Berlin"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await harness.RunAsync(Epigraphs(ChannelId, cron: "0 7 * * 1-5"));

        harness.Scheduler.VerifyAll();
        Assert.Equal("0 7 * * 1-5", (await harness.Settings.GetAsync(GuildId))!.EpigraphCron);
    }

    [Fact]
    public async Task Epigraphs_ChannelDeniesSendMessages_NamesTheMissingPermissionAndSavesNothing()
    {
        await using var harness = await StartAsync();
        harness.Channels[ChannelId] = $$"""[{"id": "{{GuildId}}", "type": 0, "allow": "0", "deny": "2048"}]""";

        var reply = await harness.RunAsync(Epigraphs(ChannelId, time: "09:30"));

        Assert.Contains("**Send Messages**", TextOf(reply));
        Assert.DoesNotContain("Embed Links", TextOf(reply));
        Assert.Null(await harness.Settings.GetAsync(GuildId));
    }

    [Fact]
    public async Task Epigraphs_BotRoleOverwriteAllowsSend_IsAccepted()
    {
        await using var harness = await StartAsync();
        harness.Channels[ChannelId] = $$"""
            [{"id": "{{GuildId}}", "type": 0, "allow": "0", "deny": "2048"}, {"id": "{{BotRoleId}}", "type": 0, "allow": "2048", "deny": "0"}]
            """;
        harness.Scheduler.Setup(s => s.ScheduleAsync(Target(ChannelId), It.IsAny<CronSchedule>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var reply = await harness.RunAsync(Epigraphs(ChannelId));

        Assert.Contains(_nextFire, TextOf(reply));
        Assert.NotNull(await harness.Settings.GetAsync(GuildId));
    }

    [Theory]
    [InlineData("25:00", null, null, "`time:09:00`")]
    [InlineData("nine", null, null, "`time:09:00`")]
    [InlineData(null, "every morning", null, "'0 9 * * *'")]
    [InlineData(null, null, "Mars/Olympus_Mons", "Europe/Berlin")]
    [InlineData("09:00", "0 9 * * *", null, "not both")]
    public async Task Epigraphs_BadTimeCronOrZone_NamesTheProblemWithAnExample(string? time, string? cron, string? zone, string example)
    {
        await using var harness = await StartAsync();

        var reply = await harness.RunAsync(Epigraphs(ChannelId, time, cron, zone));

        Assert.Contains(example, TextOf(reply));
        Assert.Contains(time ?? cron ?? zone!, TextOf(reply));
        Assert.Null(await harness.Settings.GetAsync(GuildId));
    }

    [Fact]
    public async Task Epigraphs_ChannelChanged_UnschedulesTheOldTargetAndKeepsTheZone()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, "0 0 8 * * ?", "Asia/Tokyo"));
        harness.Scheduler.Setup(s => s.UnscheduleAsync(Target(ChannelId), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        harness.Scheduler.Setup(s => s.ScheduleAsync(Target(OtherChannelId),
            It.Is<CronSchedule>(c => c.Text == "0 0 8 * * ?" && c.TimeZone.Id == "Asia/Tokyo"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await harness.RunAsync(Epigraphs(OtherChannelId));

        harness.Scheduler.VerifyAll();
        Assert.Equal(OtherChannelId, (await harness.Settings.GetAsync(GuildId))!.EpigraphChannelId);
    }

    [Fact]
    public async Task PauseThenResume_UnschedulesThenSchedulesAgainAndClearsTheTargetsPause()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, "0 0 8 * * ?", "Asia/Tokyo"));
        await harness.Health.RecordFailureAsync(Target(ChannelId), "403 Missing Access", pauseAfter: 1);
        harness.Scheduler.Setup(s => s.UnscheduleAsync(Target(ChannelId), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var paused = await harness.RunAsync(Interaction(ConfigCommand.Pause));

        Assert.Contains("Paused", TextOf(paused));
        Assert.True((await harness.Settings.GetAsync(GuildId))!.Paused);
        harness.Scheduler.Verify(s => s.UnscheduleAsync(Target(ChannelId), It.IsAny<CancellationToken>()), Times.Once);

        harness.Scheduler.Setup(s => s.ScheduleAsync(Target(ChannelId),
            It.Is<CronSchedule>(c => c.Text == "0 0 8 * * ?" && c.TimeZone.Id == "Asia/Tokyo"), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var resumed = await harness.RunAsync(Interaction(ConfigCommand.Resume));

        Assert.Contains(_nextFire, TextOf(resumed));
        Assert.False((await harness.Settings.GetAsync(GuildId))!.Paused);
        Assert.False((await harness.Health.GetAsync(Target(ChannelId))).Paused);
        harness.Scheduler.VerifyAll();
    }

    [Fact]
    public async Task Epigraphs_WhilePaused_SavesButDoesNotSchedule()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, Paused: true));

        var reply = await harness.RunAsync(Epigraphs(ChannelId, time: "10:00"));

        Assert.Contains("paused", TextOf(reply));
        Assert.Equal("0 0 10 * * ?", (await harness.Settings.GetAsync(GuildId))!.EpigraphCron);
        harness.Scheduler.Verify(s => s.ScheduleAsync(It.IsAny<string>(), It.IsAny<CronSchedule>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Show_ListsSettingsNextPostAndAFailedRowsReason()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId, "0 0 8 * * ?", "Asia/Tokyo", OtherChannelId, ReadersRoleId));
        await harness.Outbox.EnqueueAsync(Target(ChannelId), "epigraph", "{}", "k1");
        await harness.Outbox.EnqueueAsync(Target(ChannelId), "epigraph", "{}", "k2");
        await harness.Outbox.EnqueueAsync($"discord:{GuildId + 1}:{ChannelId}", "epigraph", "{}", "other-guild");
        var rows = await harness.Outbox.AllAsync();
        await harness.Outbox.MarkFailedAsync(rows[0].Id, "403 Missing Access: the bot cannot see the channel");
        await harness.Outbox.MarkDeliveredAsync(rows[1].Id, "1");
        await harness.Outbox.MarkFailedAsync(rows[2].Id, "another guild's failure");

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.Show)));

        Assert.Contains($"<#{ChannelId}>", text);
        Assert.Contains("daily at 08:00 Asia/Tokyo time", text);
        Assert.Contains(_nextFire, text);
        Assert.Contains($"<#{OtherChannelId}>, pinging <@&{ReadersRoleId}>", text);
        Assert.Contains("403 Missing Access: the bot cannot see the channel", text);
        Assert.DoesNotContain("another guild", text);
    }

    [Fact]
    public async Task Show_TargetPausedByFailures_SaysWhy()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId));
        await harness.Health.RecordFailureAsync(Target(ChannelId), "404 Unknown Channel", pauseAfter: 1);

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.Show)));

        Assert.Contains("Delivery stopped", text);
        Assert.Contains("404 Unknown Channel", text);
    }

    [Fact]
    public async Task PostNow_UsesTheInteractionIdAsTheIdempotencyKey()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId));
        harness.Poster.Setup(p => p.PostAsync(Target(ChannelId), $"manual:{InteractionId}", It.IsAny<CancellationToken>())).ReturnsAsync(Entry());

        var reply = await harness.RunAsync(Interaction(ConfigCommand.PostNow));

        harness.Poster.VerifyAll();
        Assert.Contains("Albert Camus", TextOf(reply));
    }

    [Fact]
    public async Task Preview_ShowsTheEpigraphEmbedAndWhen()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId));
        harness.Poster.Setup(p => p.PreviewAsync(Target(ChannelId), It.IsAny<CancellationToken>())).ReturnsAsync(Entry());

        var reply = await harness.RunAsync(Interaction(ConfigCommand.Preview));

        Assert.Contains(_nextFire, TextOf(reply));
        var embed = reply.GetProperty("embeds")[0];
        Assert.Equal("Expansive Solidarity", embed.GetProperty("title").GetString());
        Assert.Contains("The only way to deal with an unfree world", embed.GetProperty("description").GetString());
        Assert.Equal(64, reply.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Pause_WithoutAChannel_SaysHowToSetOne()
    {
        await using var harness = await StartAsync();

        var reply = await harness.RunAsync(Interaction(ConfigCommand.Pause));

        Assert.Contains("/config epigraphs channel:", TextOf(reply));
    }

    [Fact]
    public async Task Announcements_SavesChannelAndRole_AndWarnsWhenTheRoleCannotBePinged()
    {
        await using var harness = await StartAsync();
        harness.Channels[OtherChannelId] = $$"""[{"id": "{{GuildId}}", "type": 0, "allow": "0", "deny": "131072"}]""";
        var interaction = Interaction(ConfigCommand.Announcements, ManageGuild, ("channel", 7, $"{OtherChannelId}"), ("role", 8, $"{ReadersRoleId}"));
        interaction = interaction with
        {
            Data = interaction.Data! with
            {
                Resolved = new JsonInteractionResolved { Roles = new Dictionary<string, JsonRole> { [$"{ReadersRoleId}"] = new() { Id = ReadersRoleId, Name = "Readers" } } },
            },
        };

        var text = TextOf(await harness.RunAsync(interaction));

        Assert.Equal(new GuildSettings(GuildId, AnnounceChannelId: OtherChannelId, AnnounceRoleId: ReadersRoleId), await harness.Settings.GetAsync(GuildId));
        Assert.Contains($"pinging <@&{ReadersRoleId}>", text);
        Assert.Contains("not mentionable", text);
    }

    [Fact]
    public async Task Announcements_ThreadOn_WithoutThreadPermissions_NamesWhatIsMissing_AndSavesNothing()
    {
        await using var harness = await StartAsync();

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.Announcements, ManageGuild, ("channel", 7, $"{OtherChannelId}"), (ConfigCommand.ThreadOption, 5, "true"))));

        Assert.StartsWith("Not saved:", text, StringComparison.Ordinal);
        Assert.Contains("**Create Public Threads**", text, StringComparison.Ordinal);
        Assert.Contains("**Send Messages in Threads**", text, StringComparison.Ordinal);
        Assert.Null(await harness.Settings.GetAsync(GuildId));
    }

    [Fact]
    public async Task Announcements_ThreadOn_WithThePermissions_IsSaved_KeptWhenLeftOut_AndShown()
    {
        await using var harness = await StartAsync();
        var threads = DiscordPermissions.ToOpenThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        harness.Channels[OtherChannelId] = $$"""[{"id": "{{BotRoleId}}", "type": 0, "allow": "{{threads}}", "deny": "0"}]""";

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.Announcements, ManageGuild, ("channel", 7, $"{OtherChannelId}"), (ConfigCommand.ThreadOption, 5, "true"))));
        Assert.Contains("discussion thread", text, StringComparison.Ordinal);
        Assert.True((await harness.Settings.GetAsync(GuildId))!.AnnounceThread);

        // Changing the role alone keeps the thread on, and checks its permissions again.
        await harness.RunAsync(Interaction(ConfigCommand.Announcements, ManageGuild, ("channel", 7, $"{OtherChannelId}")));
        Assert.True((await harness.Settings.GetAsync(GuildId))!.AnnounceThread);
        Assert.Contains("a discussion thread under each", TextOf(await harness.RunAsync(Interaction(ConfigCommand.Show))), StringComparison.Ordinal);

        await harness.RunAsync(Interaction(ConfigCommand.Announcements, ManageGuild, ("channel", 7, $"{OtherChannelId}"), (ConfigCommand.ThreadOption, 5, "false")));
        Assert.False((await harness.Settings.GetAsync(GuildId))!.AnnounceThread);
    }

    [Fact]
    public async Task Announcements_EveryoneRole_IsRefused()
    {
        await using var harness = await StartAsync();

        var text = TextOf(await harness.RunAsync(Interaction(ConfigCommand.Announcements, ManageGuild, ("channel", 7, $"{OtherChannelId}"), ("role", 8, $"{GuildId}"))));

        Assert.Contains("other than @everyone", text);
        Assert.Null(await harness.Settings.GetAsync(GuildId));
    }

    [Fact]
    public async Task HandleAsync_SlowWork_DefersEphemerallyThenEditsTheOriginal()
    {
        await using var harness = await StartAsync();
        await harness.Settings.SaveAsync(new GuildSettings(GuildId, ChannelId));
        var release = new TaskCompletionSource<QuoteEntry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Poster.Setup(p => p.PostAsync(Target(ChannelId), $"manual:{InteractionId}", It.IsAny<CancellationToken>())).Returns(release.Task);

        var handling = harness.Handler.HandleAsync(Interaction(ConfigCommand.PostNow), CancellationToken.None);
        await harness.Time.WaitForTimerAsync(InteractionResponder.DeferAfter);
        harness.Time.Advance(InteractionResponder.DeferAfter);
        await harness.Server.WaitForRequestsAsync(1);
        release.SetResult(Entry());
        await handling.WaitAsync(TimeSpan.FromSeconds(10));

        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        using var deferred = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(5, deferred.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(64, deferred.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("PATCH", requests[1].Method);
        Assert.EndsWith("/messages/@original", requests[1].Path, StringComparison.Ordinal);
        Assert.Contains("Albert Camus", requests[1].Body, StringComparison.Ordinal);
    }

    private static QuoteEntry Entry()
    {
        var quote = new Quote("The only way to deal with an unfree world is to become so absolutely free that your very existence is an act of rebellion.", "Albert Camus", null);
        var essay = new Essay("expansive-solidarity", "Expansive Solidarity", new DateOnly(2024, 5, 1), ["A. Writer"], [], null, quote, [], [], [], [], "", "", "data/essays/expansive-solidarity.md");
        return new QuoteEntry(quote, essay, IsEpigraph: true);
    }
}
