using System.Text.Json;
using CommunityBot.Announcements;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Storage;
using CommunityBot.Tests.Cards;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// A guild that chose a discussion thread under its announcements: the announcement, the thread and the epigraph in it
/// are three outbox rows, sent in order through the real worker and Discord channel, against a fake Discord that opens
/// one thread per message at most.
/// </summary>
public class AnnouncementThreadTests : IAsyncLifetime
{
    private const ulong GuildId = 1;
    private const ulong ChannelId = 10;

    private readonly string _provider;
    private DeliveryHarness _harness = null!;

    public AnnouncementThreadTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected AnnouncementThreadTests(string provider) => _provider = provider;

    public async Task InitializeAsync() => _harness = await DeliveryHarness.StartAsync(_provider);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [DatabaseFact]
    public async Task ThreadOn_TheThreadsAnswerLost_TheRetryOpensNoSecondThread_AndTheEpigraphGoesIntoIt()
    {
        await AnnounceAsync(openThread: true);
        var rows = await _harness.Outbox.AllAsync();
        Assert.Equal([Announcer.Kind, OutboxStep.ThreadKind, Announcer.Kind], rows.Select(r => r.Kind));
        Assert.Equal([null, rows[0].IdempotencyKey, rows[1].IdempotencyKey], rows.Select(r => r.AfterKey));
        // Discord opens the thread, but its answer is lost on the way back.
        var answer = _harness.Rest.Server.Default;
        var lost = 0;
        _harness.Rest.Server.Default = request =>
        {
            var response = answer(request);
            return request.Path.EndsWith("/threads", StringComparison.Ordinal) && Interlocked.Increment(ref lost) == 1
                ? FakeDiscordRestResponse.Error(502, 0, "Bad Gateway")
                : response;
        };

        await _harness.StartWorkerAsync();
        rows = await _harness.AdvanceUntilAsync(r => r.All(e => e.Status == OutboxStatus.Delivered));

        Assert.Equal(1, _harness.ThreadsOpened);
        var threadRequests = _harness.Rest.Server.Requests.Where(r => r.Path.EndsWith("/threads", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, threadRequests.Count);
        var announcementId = rows[0].RemoteId;
        Assert.All(threadRequests, r => Assert.Equal($"/api/v10/channels/{ChannelId}/messages/{announcementId}/threads", r.Path));
        var thread = JsonDocument.Parse(threadRequests[0].Body).RootElement;
        Assert.Equal("The Long Patience", thread.GetProperty("name").GetString());
        Assert.Equal(1440, thread.GetProperty("auto_archive_duration").GetInt32());
        Assert.Equal(announcementId, rows[1].RemoteId);
        Assert.Equal([$"/api/v10/channels/{ChannelId}/messages", $"/api/v10/channels/{announcementId}/messages"], _harness.Posts.Select(p => p.Path));
        Assert.Contains("Patience outlasts every wall", _harness.Posts[1].Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ThreadOff_TheAnnouncementIsOneRow()
    {
        await AnnounceAsync(openThread: false);

        var row = Assert.Single(await _harness.Outbox.AllAsync());
        Assert.Equal(Announcer.Kind, row.Kind);
    }

    private async Task AnnounceAsync(bool openThread)
    {
        var settings = new GuildSettingsRepository(_harness.Db.Database, _harness.Rest.Time);
        await settings.SaveAsync(new GuildSettings(GuildId, AnnounceChannelId: ChannelId, AnnounceThread: openThread));
        using var announcer = new Announcer(
            new AnnouncedRepository(_harness.Db.Database, _harness.Rest.Time),
            _harness.Outbox,
            [new GuildAnnouncementTargetSource(settings)],
            [TestCards.Discord(_harness.Rest.Client)],
            new DeliverySignal(),
            _harness.Rest.Time,
            NullLogger<Announcer>.Instance);
        Assert.Equal(1, await announcer.AnnounceManuallyAsync(Essay(), CancellationToken.None));
    }

    private static Essay Essay()
    {
        var epigraph = new Quote("Patience outlasts every wall.", "Frances Threadwell", null);
        return new Essay("long-patience", "The Long Patience", new DateOnly(2026, 7, 1), ["Frances Threadwell"], [],
            new Uri("https://www.rights-studio.org/journal/long-patience"), epigraph, [], [], [], [], "", "", "test");
    }
}
