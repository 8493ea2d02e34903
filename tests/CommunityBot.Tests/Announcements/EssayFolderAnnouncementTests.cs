using System.Text.Json;
using CommunityBot.Announcements;
using CommunityBot.Storage;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Announcements;

public class EssayFolderAnnouncementTests : IAsyncLifetime, IDisposable
{
    private readonly string _provider;

    public EssayFolderAnnouncementTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected EssayFolderAnnouncementTests(string provider) => _provider = provider;

    private readonly TempEssayFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_provider);
        _folder.Write("poetic-resistance.md", TempEssayFolder.Essay("Poetic Resistance"));
        _folder.Write("expansive-solidarity.md", TempEssayFolder.Essay("Expansive Solidarity"));
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [DatabaseFact]
    public async Task FirstStart_IsABaseline_AndAnEssayDroppedInWhileRunning_GetsOneRowPerTarget()
    {
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);
        Assert.Empty(await bot.AnnouncementsAsync());
        Assert.Equal(2, await bot.Announced.CountAsync(EssayFolderAnnouncer.Source, AnnouncedRepository.Baseline));

        await bot.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage", "Courage is quiet.", "Audre Lorde")));

        var rows = await bot.AnnouncementsAsync();
        Assert.Equal([AnnouncementHarness.ConsoleTarget, AnnouncementHarness.DiscordTarget, AnnouncementHarness.MastodonTarget], rows.Select(r => r.Target).Order());
        Assert.All(rows, r => Assert.Equal(Announcer.IdempotencyKey("slug:quiet-courage", r.Target), r.IdempotencyKey));
        Assert.Contains("Quiet Courage", rows.Single(r => r.Target == AnnouncementHarness.ConsoleTarget).Payload, StringComparison.Ordinal);

        using var discord = JsonDocument.Parse(rows.Single(r => r.Target == AnnouncementHarness.DiscordTarget).Payload);
        var message = discord.RootElement;
        Assert.StartsWith($"<@&{AnnouncementHarness.RoleId}>", message.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, message.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal(["333"], message.GetProperty("allowed_mentions").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(message.GetProperty("allowed_mentions").TryGetProperty("users", out _));
        var embed = message.GetProperty("embeds")[0];
        Assert.Equal("Quiet Courage", embed.GetProperty("title").GetString());
        Assert.Contains("Courage is quiet.", embed.GetProperty("description").GetString(), StringComparison.Ordinal);

        using var mastodon = JsonDocument.Parse(rows.Single(r => r.Target == AnnouncementHarness.MastodonTarget).Payload);
        var status = mastodon.RootElement.GetProperty("status").GetString()!;
        Assert.Contains("New in the journal: Quiet Courage", status, StringComparison.Ordinal);
        Assert.Contains("#journal", status, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AGuildWithoutARole_PingsNobody()
    {
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);
        await new GuildSettingsRepository(_db.Database, _time).SaveAsync(new GuildSettings(444, AnnounceChannelId: 555));

        await bot.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage")));

        using var discord = JsonDocument.Parse((await bot.AnnouncementsAsync()).Single(r => r.Target == "discord:444:555").Payload);
        Assert.DoesNotContain("<@", discord.RootElement.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, discord.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(discord.RootElement.GetProperty("allowed_mentions").TryGetProperty("roles", out _));
    }

    [DatabaseFact]
    public async Task AnInvalidFile_IsAnnouncedOnceFixed_AndItsEditsNeverAgain()
    {
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);

        await bot.ReloadAsync(_folder.Write("quiet-courage.md", "---\nepigraph: [unterminated\n"), expectedAdded: 0);
        Assert.Empty(await bot.AnnouncementsAsync());

        await bot.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage")));
        Assert.Equal(3, (await bot.AnnouncementsAsync()).Count);

        await bot.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage, revised", "New words.")), expectedAdded: 0);
        Assert.Equal(3, (await bot.AnnouncementsAsync()).Count);
    }

    [DatabaseFact]
    public async Task AfterARestart_NothingIsAnnouncedAgain_ButAnEssayAddedWhileDownIs()
    {
        await using (var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time))
        {
            await bot.ReloadAsync(_folder.Write("quiet-courage.md", TempEssayFolder.Essay("Quiet Courage")));
            Assert.Equal(3, (await bot.AnnouncementsAsync()).Count);
        }

        await using (var restarted = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time))
        {
            Assert.Equal(3, (await restarted.AnnouncementsAsync()).Count);
        }

        _folder.Write("tender-defiance.md", TempEssayFolder.Essay("Tender Defiance"));
        await using var third = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);
        var rows = await third.AnnouncementsAsync();
        Assert.Equal(6, rows.Count);
        Assert.Equal(3, rows.Count(r => r.IdempotencyKey.StartsWith("announce:slug:tender-defiance:", StringComparison.Ordinal)));
    }

    [DatabaseFact]
    public async Task EssaysFoundTogether_GoOutOldestFirst()
    {
        await using (await AnnouncementHarness.StartAsync(_db, _folder.Path, _time))
        {
        }
        _folder.Write("later.md", "---\ntitle: Later\npublished: 2026-03-01\n---\n");
        _folder.Write("earlier.md", "---\ntitle: Earlier\npublished: 2026-01-15\n---\n");

        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);

        var console = (await bot.AnnouncementsAsync()).Where(r => r.Target == AnnouncementHarness.ConsoleTarget).OrderBy(r => r.Id).ToList();
        Assert.Equal(["Earlier", "Later"], console.Select(r => r.Payload.Contains("Earlier", StringComparison.Ordinal) ? "Earlier" : "Later"));
    }

    [DatabaseFact]
    public async Task AnnounceVerb_QueuesTheEssayForEveryTarget_AsAManualAction()
    {
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);
        using var output = new StringWriter();

        var exit = await AnnounceCommand.RunAsync(["announce", "poetic-resistance"], bot.Content, bot.Announcer, output).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exit);
        var rows = await bot.AnnouncementsAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Contains(":manual:", r.IdempotencyKey, StringComparison.Ordinal));
        Assert.Contains("queued for 3 targets;", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(bot.Logs.WithEventId(4302), r => r.GetStructuredStateValue("Slug") == "poetic-resistance");
        Assert.Equal(1, await bot.Announced.CountAsync(Announcer.ManualSource, AnnouncedRepository.Manual));
    }

    [DatabaseFact]
    public async Task AnnounceManually_LogsTheKeyInTheFormTheRowsAreStoredUnder()
    {
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);

        await bot.Announcer.AnnounceManuallyAsync(bot.Content.Index.GetBySlug("poetic-resistance")!, CancellationToken.None);

        var logged = Assert.Single(bot.Logs.WithEventId(4302));
        Assert.Equal("announce:slug:poetic-resistance:manual:20260306090000:{target}", logged.GetStructuredStateValue("Key"));
        Assert.Equal("3", logged.GetStructuredStateValue("Targets"));
        var rows = await bot.AnnouncementsAsync();
        Assert.Equal(
            rows.Select(r => logged.GetStructuredStateValue("Key")!.Replace(Announcer.AnyTarget, r.Target, StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            rows.Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal));
    }

    [DatabaseFact]
    public async Task AnnounceVerb_RefusesAnUnknownSlug_AndAMissingOne()
    {
        await using var bot = await AnnouncementHarness.StartAsync(_db, _folder.Path, _time);
        using var output = new StringWriter();

        Assert.Equal(1, await AnnounceCommand.RunAsync(["announce", "no-such-essay"], bot.Content, bot.Announcer, output));
        Assert.Equal(2, await AnnounceCommand.RunAsync(["announce"], bot.Content, bot.Announcer, output));
        Assert.Contains("No valid essay 'no-such-essay'", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await bot.AnnouncementsAsync());
    }
}
