using System.Text.Json;
using CommunityBot.Cards;
using CommunityBot.Clients.Mastodon;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Mastodon;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Hosting;

namespace CommunityBot.Tests.Mastodon;

public sealed class MastodonCardTests : IAsyncLifetime
{
    private const string Key = "epigraph:mastodon:main:cards";

    private MastodonBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await MastodonBotHarness.StartWithCardsAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private MastodonDeliveryChannel Channel => _bot.Get<IEnumerable<IDeliveryChannel>>().OfType<MastodonDeliveryChannel>().Single();

    [Fact]
    public async Task Attach_ForAnAccountWithCards_AddsTheCard_AndNotForOneWithout()
    {
        var epigraph = _bot.Get<ContentStore>().Index.Epigraphs[0];
        var steps = Channel.RenderEpigraph(_bot.Main.Target, epigraph);

        var main = await _bot.Get<CardStudio>().AttachAsync(_bot.Main.Target, epigraph, steps, CancellationToken.None);
        var broken = await _bot.Get<CardStudio>().AttachAsync("mastodon:broken", epigraph, steps, CancellationToken.None);

        Assert.True(CardPost.TryRead(Assert.Single(main).Payload, out var carded));
        Assert.Equal((epigraph.Quote.Text.Trim(), CardTheme.Light, CardShape.Landscape), (carded.Card.Quote, carded.Card.Theme, carded.Card.Shape));
        Assert.Equal(steps[0].Payload, carded.Post);
        Assert.Equal(steps, broken);
    }

    [Fact]
    public async Task ALongQuotesThread_CarriesTheCardOnItsFirstPartOnly_UploadedOnce()
    {
        await _bot.Monitor.CheckAsync(_bot.Main, CancellationToken.None);
        var epigraph = MastodonThreadTests.LongEpigraph();
        var steps = await _bot.Get<CardStudio>().AttachAsync(_bot.Main.Target, epigraph, Channel.RenderEpigraph(_bot.Main.Target, epigraph), CancellationToken.None);
        Assert.Equal(3, steps.Count);
        Assert.Equal([true, false, false], steps.Select(s => CardPost.TryRead(s.Payload, out _)));
        Assert.True(await _bot.Outbox.EnqueueAsync(OutboxStep.Chain(_bot.Main.Target, "epigraph", Key, steps)));
        var worker = _bot.Get<IEnumerable<IHostedService>>().OfType<DeliveryWorker>().Single();

        await worker.StartAsync(CancellationToken.None);
        await MastodonThreadTests.WaitAsync(_bot, rows => rows.Count == 3 && rows.All(r => r.Status == OutboxStatus.Delivered));
        await worker.StopAsync(CancellationToken.None);

        var upload = Assert.Single(_bot.Server.Requests, r => r.Path == "/api/v2/media");
        Assert.Contains(epigraph.Quote.Text, upload.Form["description"], StringComparison.Ordinal);
        var bodies = _bot.Server.StatusesCreated.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.Single(bodies[0].GetProperty("media_ids").EnumerateArray());
        Assert.All(bodies.Skip(1), b => Assert.False(b.TryGetProperty("media_ids", out var ids) && ids.GetArrayLength() > 0));
    }

    [Fact]
    public async Task Send_UploadsTheCardWithItsAltText_ThenPostsTheStatusWithItsMediaId()
    {
        var (row, card) = await EnqueueAsync();

        var result = await Channel.SendAsync(row, CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        var upload = Assert.Single(_bot.Server.Requests, r => r.Path == "/api/v2/media");
        Assert.Equal(card.AltText(1500), upload.Form["description"]);
        Assert.Contains(card.Quote, upload.Form["description"], StringComparison.Ordinal);
        Assert.Equal(_bot.Get<CardStudio>().Renderer!.Render(card), upload.Files["file"]);
        // The upload answered 202, so the media was looked at before the status named it.
        Assert.Single(_bot.Server.Requests, r => r.Method == "GET" && r.Path.StartsWith("/api/v1/media/", StringComparison.Ordinal));
        var status = Assert.Single(_bot.Posts, p => p.Path == "/api/v1/statuses");
        Assert.Equal(Key, status.Header("Idempotency-Key"));
        var mediaId = JsonDocument.Parse(status.Body).RootElement.GetProperty("media_ids")[0].GetString();
        Assert.Equal("/api/v1/media/" + mediaId, _bot.Server.Requests.Single(r => r.Method == "GET" && r.Path.StartsWith("/api/v1/media/", StringComparison.Ordinal)).Path);
        Assert.Contains(_bot.Logs.GetSnapshot(), r => r.Id.Id == 9005);
    }

    [Fact]
    public async Task Send_ARetryAfterTheUpload_ReusesTheMediaId_AndTheStatusKey_WithoutUploadingAgain()
    {
        var (row, _) = await EnqueueAsync();
        _bot.Server.Enqueue("POST", "/api/v1/statuses", FakeMastodonResponse.Stalled());
        using var crash = new CancellationTokenSource();

        var before = _bot.Server.Requests.Count;
        var first = Channel.SendAsync(row, crash.Token);
        // The upload, the look at the media, and the status that never answers.
        await _bot.Server.WaitForRequestsAsync(before + 3);
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var stored = Assert.Single(await _bot.Outbox.AllAsync());
        var result = await Channel.SendAsync(stored, CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Single(_bot.Server.Requests, r => r.Path == "/api/v2/media");
        Assert.False(CardPost.TryRead(stored.Payload, out _), "the row names the uploaded media instead of the card");
        var statuses = _bot.Server.Requests.Where(r => r.Path == "/api/v1/statuses").ToList();
        Assert.Equal(2, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(Key, s.Header("Idempotency-Key")));
        Assert.Equal(statuses[0].Body, statuses[1].Body);
    }

    [Fact]
    public async Task Send_MediaStillProcessing_IsLookedAtAgain_UntilReady()
    {
        _bot.Server.MediaLooksWhileProcessing = 2;
        var (row, _) = await EnqueueAsync();

        var sending = Channel.SendAsync(row, CancellationToken.None);
        Assert.Equal(MastodonDeliveryChannel.MediaPollInterval, await _bot.Time.CompleteNextDelayAsync());
        Assert.Equal(MastodonDeliveryChannel.MediaPollInterval, await _bot.Time.CompleteNextDelayAsync());
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Equal(3, _bot.Server.Requests.Count(r => r.Method == "GET" && r.Path.StartsWith("/api/v1/media/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FakeMastodon_AnUploadWithoutADescription_Is422()
    {
        var upload = new MastodonUpload(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "card.png", "image/png", "");

        var refused = await Assert.ThrowsAsync<MastodonApiException>(() => _bot.Main.Client.UploadMediaAsync(upload));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Description", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AltText_IsCutToTheInstancesDescriptionLimit_KeepingTheAttribution()
    {
        var card = global::CommunityBot.Tests.Cards.CardRendererTests.Card(CardTheme.Light, CardShape.Landscape) with { Quote = string.Join(' ', Enumerable.Repeat("word", 400)) };

        var alt = card.AltText(1500);

        Assert.True(alt.Length <= 1500, $"{alt.Length} characters");
        Assert.EndsWith("— Audre Lorde, in “Expansive Solidarity”, The Rights Studio Journal", alt, StringComparison.Ordinal);
        Assert.Contains("word…”", alt, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private async Task<(OutboxEntry Row, QuoteCard Card)> EnqueueAsync()
    {
        var epigraph = _bot.Get<ContentStore>().Index.Epigraphs[0];
        var card = QuoteCard.For(epigraph, "The Rights Studio Journal", CardTheme.Dark, CardShape.Square);
        await _bot.Outbox.EnqueueAsync(_bot.Main.Target, "epigraph", new CardPost(card, Assert.Single(Channel.RenderEpigraph(_bot.Main.Target, epigraph)).Payload).Write(), Key);
        return ((await _bot.Outbox.NextDueAsync(1))[0], card);
    }
}
