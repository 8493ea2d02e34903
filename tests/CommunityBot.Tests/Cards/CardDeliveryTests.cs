using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CommunityBot.Cards;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using CommunityBot.Tests.Mastodon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkiaSharp;

namespace CommunityBot.Tests.Cards;

/// <summary>
/// A scheduled epigraph with cards on, from the poster the schedule calls to both fakes: the real outbox, delivery
/// worker, Discord and Mastodon channels and clients, on fake time. The fake Discord keeps enforce_nonce's promise
/// (a nonce it has seen answers the message made the first time); the fake Mastodon keeps Idempotency-Key's.
/// </summary>
public class CardDeliveryTests : IAsyncLifetime
{
    private const ulong GuildId = 41;
    private const ulong ChannelId = 4242;
    private static readonly string DiscordTarget = TargetKey.Discord(GuildId, ChannelId).ToString();
    private readonly string _provider;
    private readonly ConcurrentDictionary<string, string> _messagesByNonce = new(StringComparer.Ordinal);
    private readonly string _notAFont = Path.Combine(Path.GetTempPath(), $"not-a-font-{Guid.NewGuid():N}.ttf");
    private FakeDiscordRest _discord = null!;
    private MastodonBotHarness _bot = null!;
    private int _lostAnswers;

    public CardDeliveryTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected CardDeliveryTests(string provider) => _provider = provider;

    public async Task InitializeAsync() => _discord = await FakeDiscordRest.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        await _discord.DisposeAsync();
        File.Delete(_notAFont);
    }

    [DatabaseFact]
    public async Task AScheduledEpigraphWithCards_ArrivesOnBothFakes_AsImageAndAltText_ExactlyOnce()
    {
        await StartAsync();

        var epigraph = await PostAndDeliverAsync();

        var upload = Assert.Single(_bot.Server.Requests, r => r.Path == "/api/v2/media");
        var description = upload.Form["description"];
        Assert.Contains(epigraph.Quote.Text.Trim(), description, StringComparison.Ordinal);
        Assert.Contains(epigraph.Quote.Author, description, StringComparison.Ordinal);
        AssertPng(upload.Files["file"]);
        var status = JsonDocument.Parse(Assert.Single(_bot.Server.StatusesCreated).Body).RootElement;
        var mediaId = Assert.Single(status.GetProperty("media_ids").EnumerateArray()).GetString();
        Assert.Equal(_bot.Server.Requests.Last(r => r.Path.StartsWith("/api/v1/media/", StringComparison.Ordinal)).Path, "/api/v1/media/" + mediaId);

        var message = Assert.Single(MessagePosts);
        Assert.Single(_messagesByNonce);
        var card = Assert.Single(message.Files);
        Assert.Equal(("files[0]", "card.png", "image/png"), (card.Field, card.FileName, card.ContentType));
        AssertPng(card.Content);
        Assert.Contains(epigraph.Quote.Text.Trim(), Assert.Single(Attachments(message)).GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task OnDiscord_TheCardIsOneMultipartMessage_ShownInTheEmbed_WithTheQuoteStillInItsText_AndTheTextMessagesNonce()
    {
        await StartAsync();

        var epigraph = await PostAndDeliverAsync();

        var message = Assert.Single(MessagePosts);
        Assert.True(message.IsMultipart);
        Assert.Equal($"/api/v10/channels/{ChannelId}/messages", message.Path);
        var body = JsonDocument.Parse(message.Body).RootElement;
        var embed = Assert.Single(body.GetProperty("embeds").EnumerateArray());
        Assert.Equal("attachment://card.png", embed.GetProperty("image").GetProperty("url").GetString());
        Assert.Contains(Words(epigraph.Quote.Text), Words(embed.GetProperty("description").GetString()!), StringComparison.Ordinal);
        var attachment = Assert.Single(Attachments(message));
        Assert.Equal(("0", "card.png"), (attachment.GetProperty("id").GetString(), attachment.GetProperty("filename").GetString()));
        // The nonce is made from the row's key as for a text message, and Discord is told to keep to it.
        var row = Assert.Single(await _bot.Outbox.AllAsync(), r => r.Target == DiscordTarget);
        Assert.Equal(NonceOf(row), body.GetProperty("nonce").GetString());
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
    }

    [DatabaseFact]
    public async Task OnDiscord_ARetryAfterALostAnswer_SendsTheSameNonce_AndPostsOneMessage()
    {
        await StartAsync();
        _lostAnswers = 1;

        await PostAndDeliverAsync();

        var posts = MessagePosts;
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Single(p.Files));
        Assert.Single(posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("nonce").GetString()).Distinct());
        var created = Assert.Single(_messagesByNonce);
        Assert.Equal(created.Value, Assert.Single(await _bot.Outbox.AllAsync(), r => r.Target == DiscordTarget).RemoteId);
    }

    [Fact]
    public void WithNoSerifFaceOnTheMachine_CardsAreOff_WithOneWarning()
    {
        var empty = Directory.CreateTempSubdirectory("no-fonts-");
        var logs = FakeLogs.Collector();
        try
        {
            var studio = new CardStudio(
                Microsoft.Extensions.Options.Options.Create(new CardOptions { Enabled = true }),
                Microsoft.Extensions.Options.Options.Create(new ContentOptions()),
                [],
                new Microsoft.Extensions.Logging.Testing.FakeLogger<CardStudio>(logs)) { SystemFontRoots = [empty.FullName] };

            Assert.Null(studio.Renderer);
            Assert.Null(studio.Renderer);

            var warning = Assert.Single(logs.WithEventId(9001));
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
            Assert.Contains(empty.FullName, warning.GetStructuredStateValue("Roots"), StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [DatabaseFact]
    public async Task WithNoUsableFont_CardsAreOff_WithOneWarning_AndBothPostsGoOutAsText()
    {
        await File.WriteAllTextAsync(_notAFont, "not a font");
        await StartAsync(new Dictionary<string, string?> { ["Cards:FontFile"] = _notAFont });

        await PostAndDeliverAsync();
        await PostAndDeliverAsync(slot: 2);

        var warning = Assert.Single(_bot.Logs.WithEventId(9002));
        Assert.Equal(_notAFont, warning.GetStructuredStateValue("FontFile"));
        Assert.Null(_bot.Get<CardStudio>().Renderer);
        Assert.DoesNotContain(_bot.Server.Requests, r => r.Path == "/api/v2/media");
        Assert.All(_bot.Server.StatusesCreated, s => Assert.False(JsonDocument.Parse(s.Body).RootElement.TryGetProperty("media_ids", out var ids) && ids.GetArrayLength() > 0));
        Assert.Equal(2, _bot.Server.StatusesCreated.Count);
        Assert.Equal(2, MessagePosts.Count);
        Assert.All(MessagePosts, m => Assert.False(m.IsMultipart));
        Assert.All(await _bot.Outbox.AllAsync(), r => Assert.False(CardPost.TryRead(r.Payload, out _)));
    }

    [DatabaseFact]
    public async Task ARowWithACard_SentWhenCardsAreOffNow_GoesOutAsText_WithOneWarningEach()
    {
        await File.WriteAllTextAsync(_notAFont, "not a font");
        await StartAsync(new Dictionary<string, string?> { ["Cards:FontFile"] = _notAFont });
        var epigraph = await PostAsync(slot: 1);
        // The rows as a run with cards on wrote them, before a restart turned cards off.
        var card = QuoteCard.For(epigraph, new ContentOptions().Publication, CardTheme.Light, CardShape.Landscape);
        foreach (var row in await _bot.Outbox.AllAsync())
        {
            Assert.True(await _bot.Outbox.UpdatePayloadAsync(row.Id, new CardPost(card, row.Payload).Write(), null, CancellationToken.None));
        }

        await DeliverAsync(slot: 1);

        var rows = await _bot.Outbox.AllAsync();
        var dropped = _bot.Logs.WithEventId(9003);
        Assert.Equal(rows.Select(r => (r.Target, r.Id.ToString(CultureInfo.InvariantCulture))).Order(),
            dropped.Select(d => (d.GetStructuredStateValue("Target")!, d.GetStructuredStateValue("Id")!)).Order());
        Assert.DoesNotContain(_bot.Server.Requests, r => r.Path == "/api/v2/media");
        var status = JsonDocument.Parse(Assert.Single(_bot.Server.StatusesCreated).Body).RootElement;
        Assert.False(status.TryGetProperty("media_ids", out var ids) && ids.GetArrayLength() > 0);
        Assert.False(Assert.Single(MessagePosts).IsMultipart);
    }

    private IReadOnlyList<FakeDiscordRestRequest> MessagePosts =>
        [.. _discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal))];

    private async Task StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _discord.Default = Answer;
        _bot = await MastodonBotHarness.StartWithCardsAsync(await TestDatabase.CreateAsync(_provider), settings, services =>
        {
            services.AddDiscordRest(options =>
            {
                options.Token = "test-token";
                options.ApiBaseUrl = _discord.BaseUrl;
                options.MaxRetries = 0;
            });
            services.AddSingleton<IDeliveryChannel, DiscordDeliveryChannel>();
            services.AddCardPreference<GuildCardPreference>();
            services.AddSingleton<DeliverySignal>();
            services.AddSingleton<EpigraphPoster>();
        });
        await _bot.Get<GuildSettingsRepository>().SaveAsync(new GuildSettings(GuildId, EpigraphChannelId: ChannelId, EpigraphCards: true));
        await _bot.Monitor.CheckAsync(_bot.Main, CancellationToken.None);
    }

    // What the schedule does at a fire time, for each target; then the worker sends what the poster wrote.
    private async Task<QuoteEntry> PostAndDeliverAsync(int slot = 1)
    {
        var posted = await PostAsync(slot);
        await DeliverAsync(slot);
        return posted;
    }

    private async Task<QuoteEntry> PostAsync(int slot)
    {
        var poster = _bot.Get<EpigraphPoster>();
        var at = new DateTimeOffset(2026, 7, slot, 9, 0, 0, TimeSpan.Zero);
        var posted = await poster.PostAsync(DiscordTarget, EpigraphJob.IdempotencyKey(DiscordTarget, at), CancellationToken.None);
        Assert.NotNull(await poster.PostAsync(_bot.Main.Target, EpigraphJob.IdempotencyKey(_bot.Main.Target, at), CancellationToken.None));
        return posted!;
    }

    private async Task DeliverAsync(int slot)
    {
        var worker = _bot.Get<IEnumerable<IHostedService>>().OfType<DeliveryWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        await MastodonThreadTests.WaitAsync(_bot, rows => rows.Count == 2 * slot && rows.All(r => r.Status == OutboxStatus.Delivered));
        await worker.StopAsync(CancellationToken.None);
    }

    private FakeDiscordRestResponse Answer(FakeDiscordRestRequest request)
    {
        var nonce = JsonDocument.Parse(request.Body).RootElement.GetProperty("nonce").GetString()!;
        var id = _messagesByNonce.GetOrAdd(nonce, _ => (1000 + _messagesByNonce.Count).ToString(CultureInfo.InvariantCulture));
        // Made, but the answer is lost on the way back: only the nonce keeps the retry from posting it again.
        if (Interlocked.Decrement(ref _lostAnswers) >= 0)
        {
            return FakeDiscordRestResponse.Error(502, 0, "Bad Gateway");
        }
        return FakeDiscordRestResponse.Json($$"""{"id": "{{id}}", "channel_id": "{{ChannelId}}", "content": "", "nonce": "{{nonce}}"}""");
    }

    private static string NonceOf(OutboxEntry row) => DiscordDeliveryChannel.Nonce(row.IdempotencyKey);

    private static List<JsonElement> Attachments(FakeDiscordRestRequest message) =>
        JsonDocument.Parse(message.Body).RootElement.GetProperty("attachments").EnumerateArray().ToList();

    // The embed's text escapes Markdown and may wrap: compare the words.
    private static string Words(string text) => string.Join(' ', text.Replace("\\", "", StringComparison.Ordinal).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void AssertPng(byte[] bytes)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.True(bitmap.Width >= 1080 && bitmap.Height >= 675, $"{bitmap.Width}x{bitmap.Height}");
    }
}
