using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Hosting;

namespace CommunityBot.Tests.Mastodon;

/// <summary>
/// A long epigraph posted as a thread through the real outbox, delivery worker and Mastodon client, against the fake
/// Mastodon (which keeps Idempotency-Key's promise): whatever fails or restarts, each part is one status and each
/// later part answers the one before.
/// </summary>
public sealed class MastodonThreadTests
{
    private const string Key = "epigraph:mastodon:main:202607010900";

    [Fact]
    public async Task ThreeParts_A503OnTheSecond_PostsOneChain_AndNoPartTwice()
    {
        await using var bot = await StartAsync();
        var failed = 0;
        bot.Server.Answer = request => request.Header("Idempotency-Key") == OutboxStep.Key(Key, 2, 3) && Interlocked.Increment(ref failed) == 1
            ? FakeMastodonResponse.Html(503, "proxy_503.html")
            : null;
        var worker = await EnqueueAndStartAsync(bot);

        await DeliveredAsync(bot);
        await worker.StopAsync(CancellationToken.None);

        AssertOneChain(bot);
        Assert.Equal(2, bot.Posts.Count(p => p.Header("Idempotency-Key") == OutboxStep.Key(Key, 2, 3)));
    }

    [Fact]
    public async Task RestartMidThread_TheSecondPartPostedButNotRecorded_GoesOnWithTheSameChain()
    {
        await using var bot = await StartAsync();
        // The second part is made, but its answer never comes: the process is stopped while it waits.
        var hung = 0;
        bot.Server.Answer = request => request.Header("Idempotency-Key") == OutboxStep.Key(Key, 2, 3) && Interlocked.Increment(ref hung) == 1
            ? FakeMastodonResponse.Stalled()
            : null;
        var worker = await EnqueueAndStartAsync(bot);
        await bot.Server.WaitForRequestsAsync(bot.Server.Requests.Count(r => r.Method == "GET") + 2).WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var rows = await bot.Outbox.AllAsync();
        Assert.Equal([OutboxStatus.Delivered, OutboxStatus.Pending, OutboxStatus.Pending], rows.Select(r => r.Status));

        await using var restarted = await MastodonBotHarness.StartBesideAsync(bot);
        await restarted.Monitor.CheckAsync(restarted.Main, CancellationToken.None);
        var second = Worker(restarted);
        await second.StartAsync(CancellationToken.None);
        await DeliveredAsync(restarted);
        await second.StopAsync(CancellationToken.None);

        AssertOneChain(bot);
    }

    [Fact]
    public async Task AFailedPart_FailsThePartsAfterIt_InsteadOfPostingThemOutOfTheChain()
    {
        await using var bot = await StartAsync();
        bot.Server.Answer = request => request.Header("Idempotency-Key") == OutboxStep.Key(Key, 2, 3)
            ? FakeMastodonResponse.Fixture(422, "error_422.json")
            : null;
        var worker = await EnqueueAndStartAsync(bot);

        var rows = await WaitAsync(bot, rows => rows.All(r => r.Status != OutboxStatus.Pending));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal([OutboxStatus.Delivered, OutboxStatus.Failed, OutboxStatus.Failed], rows.Select(r => r.Status));
        Assert.Single(bot.Server.StatusesCreated);
        var broken = Assert.Single(bot.Logs.WithEventId(7120));
        Assert.Equal(OutboxStep.Key(Key, 2, 3), broken.GetStructuredStateValue("AfterKey"));
        Assert.Equal(OutboxStatus.Failed, broken.GetStructuredStateValue("AfterStatus"));
    }

    private static async Task<MastodonBotHarness> StartAsync()
    {
        var bot = await MastodonBotHarness.StartAsync();
        await bot.Monitor.CheckAsync(bot.Main, CancellationToken.None);
        return bot;
    }

    private static DeliveryWorker Worker(MastodonBotHarness bot) => bot.Get<IEnumerable<IHostedService>>().OfType<DeliveryWorker>().Single();

    private static async Task<DeliveryWorker> EnqueueAndStartAsync(MastodonBotHarness bot)
    {
        var channel = bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();
        var steps = channel.RenderEpigraph(bot.Main.Target, LongEpigraph());
        Assert.Equal(3, steps.Count);
        Assert.True(await bot.Outbox.EnqueueAsync(OutboxStep.Chain(bot.Main.Target, "epigraph", Key, steps)));
        var worker = Worker(bot);
        await worker.StartAsync(CancellationToken.None);
        return worker;
    }

    private static Task<IReadOnlyList<OutboxEntry>> DeliveredAsync(MastodonBotHarness bot) =>
        WaitAsync(bot, rows => rows.Count == 3 && rows.All(r => r.Status == OutboxStatus.Delivered));

    // Fake time moves on a second at a time, so the client's backoff and the worker's retry both come round.
    internal static async Task<IReadOnlyList<OutboxEntry>> WaitAsync(MastodonBotHarness bot, Func<IReadOnlyList<OutboxEntry>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var rows = await bot.Outbox.AllAsync();
            if (condition(rows))
            {
                return rows;
            }
            Assert.True(DateTime.UtcNow < deadline, "The outbox never reached the expected state: " + string.Join("; ", rows.Select(r => $"{r.IdempotencyKey} {r.Status} {r.LastError}")));
            bot.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
    }

    private static void AssertOneChain(MastodonBotHarness bot)
    {
        var created = bot.Server.StatusesCreated;
        Assert.Equal([Key, OutboxStep.Key(Key, 2, 3), OutboxStep.Key(Key, 3, 3)], created.Select(r => r.Header("Idempotency-Key")));
        var bodies = created.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.False(bodies[0].TryGetProperty("in_reply_to_id", out _));
        Assert.Equal(bot.Server.StatusIdOf(Key), bodies[1].GetProperty("in_reply_to_id").GetString());
        Assert.Equal(bot.Server.StatusIdOf(OutboxStep.Key(Key, 2, 3)), bodies[2].GetProperty("in_reply_to_id").GetString());
        var texts = bodies.Select(b => b.GetProperty("status").GetString()!).ToList();
        Assert.All(bodies, b => Assert.Equal("unlisted", b.GetProperty("visibility").GetString()));
        Assert.All(texts, t => Assert.InRange(MastodonTextCounter.Count(t, null), 1, bot.Main.Budget.MaxCharacters));
        Assert.Equal(["1/3 ", "2/3 ", "3/3 "], texts.Select(t => t[..4]));
        Assert.Single(texts, t => t.Contains("#quotes", StringComparison.Ordinal));
        Assert.EndsWith("#quotes", texts[2], StringComparison.Ordinal);
        Assert.Contains("— Frances Threadwell", texts[2], StringComparison.Ordinal);
        // Not a word lost or repeated between the parts.
        var words = string.Join(' ', texts.Select(t => t[4..].Split("”\n")[0].TrimStart('“')));
        Assert.Equal(Sentences(), words);
        var rows = bot.Outbox.AllAsync().GetAwaiter().GetResult();
        Assert.Equal(created.Select(r => bot.Server.StatusIdOf(r.Header("Idempotency-Key")!)), rows.Select(r => r.RemoteId));
    }

    private static string Sentences()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 12; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Sentence {i} says the long patience of the people outlasts every wall built against them. ");
        }
        return text.ToString().TrimEnd();
    }

    internal static QuoteEntry LongEpigraph()
    {
        var quote = new Quote(Sentences(), "Frances Threadwell", null);
        var essay = new Essay("long-patience", "The Long Patience", new DateOnly(2026, 7, 1), ["Frances Threadwell"], [],
            new Uri("https://www.rights-studio.org/journal/long-patience"), quote, [], [], [], [], "", "", "test");
        return new QuoteEntry(quote, essay, IsEpigraph: true);
    }
}
