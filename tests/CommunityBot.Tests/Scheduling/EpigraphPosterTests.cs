using CommunityBot.Cards;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Scheduling;

/// <summary>The rotation and the outbox row, on a real SQLite database and a temporary essays folder.</summary>
public class EpigraphPosterTests : IAsyncLifetime, IDisposable
{
    private readonly string _provider;

    public EpigraphPosterTests()
        : this(StorageProvider.Sqlite)
    {
    }

    protected EpigraphPosterTests(string provider) => _provider = provider;

    private const string Target = "discord:1:2";
    private static readonly string[] _names = ["alpha", "beta", "gamma", "delta", "epsilon"];
    private readonly TempEssayFolder _essays = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SeededRandom _random = new(42);
    private TestDatabase _db = null!;
    private int _posts;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_provider);
        foreach (var name in _names)
        {
            Write(name);
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose()
    {
        _essays.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Write(string name) => _essays.Write($"{name}.md", TempEssayFolder.Essay(name, $"Words of {name}."));

    private (EpigraphPoster Poster, ContentStore Content, OutboxRepository Outbox) Create(bool includeBodyQuotes = false)
    {
        var content = new ContentStore(Options.Create(new ContentOptions { Path = _essays.Path }), NullLogger<ContentStore>.Instance);
        var outbox = new OutboxRepository(_db.Database, _time);
        var poster = new EpigraphPoster(
            content,
            new RotationRepository(_db.Database),
            outbox,
            [new RecordingDeliveryChannel(TargetKind.Console), new RecordingDeliveryChannel(TargetKind.Discord)],
            new CardStudio(Options.Create(new CardOptions()), Options.Create(new ContentOptions()), [], NullLogger<CardStudio>.Instance),
            new DeliverySignal(),
            _random,
            Options.Create(new ScheduleOptions { IncludeBodyQuotes = includeBodyQuotes }),
            NullLogger<EpigraphPoster>.Instance);
        return (poster, content, outbox);
    }

    private async Task<string> PostAsync(EpigraphPoster poster)
    {
        var posted = await poster.PostAsync(Target, $"epigraph:{Target}:{++_posts}", CancellationToken.None);
        Assert.NotNull(posted);
        return posted.Essay.Slug;
    }

    [DatabaseFact]
    public async Task Post_WalksEveryEpigraphBeforeAnyRepeats_PickingAmongTheUnshown()
    {
        var (poster, _, _) = Create();

        var first = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await PostAsync(poster));
        }
        var second = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            second.Add(await PostAsync(poster));
        }

        Assert.Equal(["alpha", "beta", "delta", "epsilon", "gamma"], first.Order());
        Assert.Equal(["alpha", "beta", "delta", "epsilon", "gamma"], second.Order());
        Assert.NotEqual(first[^1], second[0]);
        // Each draw is among what the round has left: 5, 4, 3, 2, 1. A round's first draw is made as the previous
        // one ends, among the 4 that were not shown last.
        Assert.Equal([5, 4, 3, 2, 1, 4, 4, 3, 2, 1, 4], _random.Ranges);
        var rotation = await new RotationRepository(_db.Database).GetAsync(Target);
        Assert.Equal(3, rotation.Round);
    }

    [DatabaseFact]
    public async Task Post_AcrossARestart_ContinuesTheRound()
    {
        var (before, _, _) = Create();
        var shown = new List<string> { await PostAsync(before), await PostAsync(before) };

        var (after, _, outbox) = Create();
        for (var i = 0; i < 3; i++)
        {
            shown.Add(await PostAsync(after));
        }

        Assert.Equal(5, shown.Distinct().Count());
        Assert.Equal(5, (await outbox.AllAsync()).Count);
    }

    [DatabaseFact]
    public async Task Post_ANewEssay_JoinsTheCurrentRound()
    {
        var (poster, content, _) = Create();
        var shown = new List<string> { await PostAsync(poster), await PostAsync(poster) };

        content.Reload(Write("zeta"));
        for (var i = 0; i < 4; i++)
        {
            shown.Add(await PostAsync(poster));
        }

        Assert.Equal(["alpha", "beta", "delta", "epsilon", "gamma", "zeta"], shown.Order());
    }

    [DatabaseFact]
    public async Task Post_ARemovedEssay_LeavesTheRound()
    {
        var (poster, content, _) = Create();
        var shown = new List<string> { await PostAsync(poster) };
        var next = (await poster.PreviewAsync(Target, CancellationToken.None))!.Essay.Slug;
        var removed = _names.First(s => s != next && !shown.Contains(s));

        var path = Path.Combine(_essays.Path, $"{removed}.md");
        File.Delete(path);
        content.Reload(path);
        for (var i = 0; i < 3; i++)
        {
            shown.Add(await PostAsync(poster));
        }

        Assert.DoesNotContain(removed, shown);
        Assert.Equal(4, shown.Distinct().Count());
        Assert.Equal(2, (await new RotationRepository(_db.Database).GetAsync(Target)).Round);
    }

    [DatabaseFact]
    public async Task Preview_IsExactlyTheNextPost_AndDoesNotMoveTheRotation()
    {
        var (poster, _, outbox) = Create();

        for (var i = 0; i < 7; i++)
        {
            var preview = await poster.PreviewAsync(Target, CancellationToken.None);
            Assert.Equal(preview!.Quote, (await poster.PreviewAsync(Target, CancellationToken.None))!.Quote);
            var (restarted, _, _) = Create();
            Assert.Equal(preview.Quote, (await restarted.PreviewAsync(Target, CancellationToken.None))!.Quote);

            var posted = await poster.PostAsync(Target, $"preview-{i}", CancellationToken.None);
            Assert.Equal(preview.Quote, posted!.Quote);
        }
        Assert.Equal(7, (await outbox.AllAsync()).Count);
    }

    [DatabaseFact]
    public async Task Post_TwiceWithOneKey_WritesOneRowAndMovesTheRotationOnce()
    {
        var (poster, _, outbox) = Create();
        var first = await poster.PostAsync(Target, "epigraph:discord:1:2:202605010800", CancellationToken.None);
        var next = await poster.PreviewAsync(Target, CancellationToken.None);

        var second = await poster.PostAsync(Target, "epigraph:discord:1:2:202605010800", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        var row = Assert.Single(await outbox.AllAsync());
        Assert.Equal($"{first.Essay.Slug}: {first.Quote.Text}", row.Payload);
        Assert.Equal((Target, EpigraphPoster.Kind, OutboxStatus.Pending), (row.Target, row.Kind, row.Status));
        Assert.Equal(next!.Quote, (await poster.PreviewAsync(Target, CancellationToken.None))!.Quote);
        Assert.Single((await new RotationRepository(_db.Database).GetAsync(Target)).Shown);
    }

    [DatabaseFact]
    public async Task Post_AfterACrashBetweenTheRowAndTheRotation_FinishesTheStepWithoutASecondRow()
    {
        var (poster, _, outbox) = Create();
        var rotations = new RotationRepository(_db.Database);
        var chosen = (await poster.PreviewAsync(Target, CancellationToken.None))!;
        // What a crash right after the outbox insert leaves: the row, and the rotation with its choice not yet shown.
        await outbox.EnqueueAsync(Target, EpigraphPoster.Kind, "already written", "key-1");

        var again = await poster.PostAsync(Target, "key-1", CancellationToken.None);
        var following = await poster.PostAsync(Target, "key-2", CancellationToken.None);

        Assert.Null(again);
        Assert.Equal(["key-1", "key-2"], (await outbox.AllAsync()).Select(r => r.IdempotencyKey));
        Assert.NotEqual(chosen.Quote, following!.Quote);
        Assert.Contains($"{chosen.Essay.Slug}#epigraph", (await rotations.GetAsync(Target)).Shown);
    }

    [DatabaseFact]
    public async Task Post_WithBodyQuotes_DrawsFromThemToo()
    {
        _essays.Write("quoted.md", "---\ntitle: Quoted\nepigraph:\n  text: \"Opening.\"\n  author: Someone\nquotes:\n  - text: \"From the body.\"\n    author: Another\n---\nShe wrote: \"From the body.\"\n");
        var (poster, content, _) = Create(includeBodyQuotes: true);
        var expected = EpigraphPool.Build(content.Index, includeBodyQuotes: true);

        var posted = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            posted.Add((await poster.PostAsync(Target, $"k{i}", CancellationToken.None))!.Quote.Text);
        }

        Assert.Equal(7, expected.Count);
        Assert.Contains("From the body.", posted);
        Assert.Equal(expected.Values.Select(q => q.Quote.Text).Order(), posted.Order());
    }

    [DatabaseFact]
    public async Task Post_ToATargetNoChannelServes_Throws()
    {
        var (poster, _, outbox) = Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() => poster.PostAsync("mastodon:main", "k", CancellationToken.None));
        Assert.Empty(await outbox.AllAsync());
    }
}
