using CommunityBot.Cards;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Discord.Config;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using CommunityBot.Tests.Discord.Config;
using CommunityBot.Tests.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using static CommunityBot.Tests.Discord.Config.ConfigHarness;

namespace CommunityBot.Tests.Cards;

/// <summary>/config epigraphs cards: through the interaction handler, and what the guild's next scheduled epigraph carries.</summary>
public sealed class ConfigCardsTests : IAsyncLifetime
{
    private ConfigHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await StartAsync();
        _harness.Scheduler.Setup(s => s.ScheduleAsync(Target(ChannelId), It.IsAny<CronSchedule>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task CardsTrue_IsStored_AndTheNextScheduledEpigraphCarriesACard_UntilCardsFalse()
    {
        await _harness.RunAsync(Epigraphs(ChannelId, time: "09:30"));
        Assert.False(await NextEpigraphHasCardAsync(1));

        var reply = await _harness.RunAsync(WithCards(true));

        Assert.True((await _harness.Settings.GetAsync(GuildId))!.EpigraphCards);
        Assert.Contains("with quote cards", TextOf(reply), StringComparison.Ordinal);
        Assert.True(await NextEpigraphHasCardAsync(2));

        await _harness.RunAsync(Epigraphs(ChannelId, time: "10:00"));
        Assert.True((await _harness.Settings.GetAsync(GuildId))!.EpigraphCards, "a /config epigraphs without cards: keeps the choice");

        await _harness.RunAsync(WithCards(false));

        Assert.False((await _harness.Settings.GetAsync(GuildId))!.EpigraphCards);
        Assert.False(await NextEpigraphHasCardAsync(3));
    }

    private static JsonInteraction WithCards(bool cards) =>
        Interaction(ConfigCommand.Epigraphs, ManageGuild,
            (ConfigCommand.ChannelOption, 7, ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (ConfigCommand.CardsOption, JsonApplicationCommandOption.BooleanType, cards ? "true" : "false"));

    // What the schedule's job does for the guild's channel at its next fire, with the operator's Cards:Enabled on.
    private async Task<bool> NextEpigraphHasCardAsync(int fire)
    {
        var content = Options.Create(new ContentOptions { Path = RepositoryPaths.SeedEssays });
        using var studio = new CardStudio(Options.Create(new CardOptions { Enabled = true }), content,
            [new GuildCardPreference(_harness.Settings)], NullLogger<CardStudio>.Instance);
        var poster = new EpigraphPoster(
            new ContentStore(content, NullLogger<ContentStore>.Instance),
            new RotationRepository(_harness.Database),
            _harness.Outbox,
            [new RecordingDeliveryChannel(TargetKind.Discord)],
            studio,
            new DeliverySignal(),
            new FirstRandomSource(),
            Options.Create(new ScheduleOptions()),
            NullLogger<EpigraphPoster>.Instance);
        var key = EpigraphJob.IdempotencyKey(Target(ChannelId), new DateTimeOffset(2030, 3, fire, 8, 30, 0, TimeSpan.Zero));

        Assert.NotNull(await poster.PostAsync(Target(ChannelId), key, CancellationToken.None));

        var row = Assert.Single(await _harness.Outbox.AllAsync(), r => r.IdempotencyKey == key);
        return CardPost.TryRead(row.Payload, out _);
    }
}
