using System.Globalization;
using CommunityBot.Content;
using CommunityBot.Tests.Fakes;
using CommunityBot.Tests.HostileInput;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Content;

public sealed class ContentStoreTests : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private readonly TempEssayFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ContentStore CreateStore(ILogger<ContentStore>? logger = null) =>
        new(Options.Create(new ContentOptions { Path = _folder.Path }), logger ?? NullLogger<ContentStore>.Instance);

    [Fact]
    public void Reload_NewFile_AddsItAndRaisesAdded()
    {
        _folder.Write("first.md", TempEssayFolder.Essay("First"));
        var store = CreateStore();
        var changes = new List<EssayChangedEventArgs>();
        store.EssayChanged += (_, e) => changes.Add(e);

        store.Reload(_folder.Write("second.md", TempEssayFolder.Essay("Second")));

        Assert.Equal(2, store.Index.Essays.Count);
        var change = Assert.Single(changes);
        Assert.Equal((EssayChangeKind.Added, "second"), (change.Kind, change.Essay.Slug));
    }

    [Fact]
    public void Reload_ABrokenFileSeenTwice_AndAnotherFile_LogTheProblemOnce()
    {
        var logger = new FakeLogger<ContentStore>();
        var store = CreateStore(logger);

        var broken = _folder.Write("broken.md", "---\ntitle: Broken\npublished: someday\n---\n");
        store.Reload(broken);
        store.Reload(broken);
        store.Reload(_folder.Write("good.md", TempEssayFolder.Essay("Good")));

        var skipped = Assert.Single(logger.Collector.GetSnapshot(), e => e.Id.Id == 1100);
        Assert.Equal(broken, skipped.GetStructuredStateValue("File"));
        Assert.Single(store.Errors);
    }

    [Fact]
    public void Reload_ABrokenFileChangedToAnotherProblem_LogsTheNewProblem()
    {
        var logger = new FakeLogger<ContentStore>();
        var store = CreateStore(logger);
        var broken = _folder.Write("broken.md", "---\ntitle: Broken\npublished: someday\n---\n");
        store.Reload(broken);

        store.Reload(_folder.Write("broken.md", "---\ntitle: Broken\ncolour: red\n---\n"));

        Assert.Equal(["published", "colour"], logger.Collector.GetSnapshot().Where(e => e.Id.Id == 1100).Select(e => e.GetStructuredStateValue("Field")));
    }

    [Fact]
    public void Reload_InvalidFile_IsSkippedAndAnnouncedOnceValid()
    {
        var store = CreateStore();
        var changes = new List<EssayChangedEventArgs>();
        store.EssayChanged += (_, e) => changes.Add(e);
        var path = _folder.Write("late.md", "---\ntitle:\n---\n");

        store.Reload(path);
        Assert.Empty(store.Index.Essays);
        Assert.Equal(path, Assert.Single(store.Errors).File);
        Assert.Empty(changes);

        File.WriteAllText(path, TempEssayFolder.Essay("Late"));
        store.Reload(path);
        Assert.Empty(store.Errors);
        Assert.Equal(EssayChangeKind.Added, Assert.Single(changes).Kind);
    }

    [Fact]
    public void Reload_ChangedAndRemovedFiles_RaiseUpdatedThenRemoved()
    {
        var path = _folder.Write("essay.md", TempEssayFolder.Essay("Essay"));
        var store = CreateStore();
        var changes = new List<EssayChangeKind>();
        store.EssayChanged += (_, e) => changes.Add(e.Kind);

        File.WriteAllText(path, TempEssayFolder.Essay("Essay", "New words."));
        store.Reload(path);
        Assert.Equal("New words.", store.Index.Epigraphs[0].Quote.Text);
        File.Delete(path);
        store.Reload(path);

        Assert.Equal([EssayChangeKind.Updated, EssayChangeKind.Removed], changes);
        Assert.Empty(store.Index.Essays);
    }

    [Fact]
    public async Task Watcher_FileDroppedIntoFolder_IsServedWithoutRestart()
    {
        var store = CreateStore();
        var added = new TaskCompletionSource<Essay>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.EssayChanged += (_, e) => added.TrySetResult(e.Essay);
        using var watcher = new EssayFolderWatcher(store, TimeProvider.System, NullLogger<EssayFolderWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        _folder.Write("dropped.md", TempEssayFolder.Essay("Dropped In"));
        var essay = await added.Task.WaitAsync(_timeout);

        Assert.Equal("dropped-in", TextFoldingSlug(essay.Title));
        Assert.NotNull(store.Index.GetBySlug("dropped"));
        await watcher.StopAsync(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(HostileEssayFile.Names), MemberType = typeof(HostileEssayFile))]
    public void Reload_HostileFile_LogsItsFileAndLine_AndKeepsServingTheRest(string name)
    {
        var hostile = HostileEssayFile.Named(name);
        _folder.Write("good.md", TempEssayFolder.Essay("Good"));
        var logger = new FakeLogger<ContentStore>();
        var store = CreateStore(logger);

        var path = hostile.WriteInto(_folder.Path);
        store.Reload(path);

        Assert.NotNull(store.Index.GetBySlug("good"));
        var skipped = Assert.Single(logger.Collector.GetSnapshot(), e => e.Id.Id == 1100);
        Assert.Equal(path, skipped.GetStructuredStateValue("File"));
        Assert.Equal(hostile.Line.ToString(CultureInfo.InvariantCulture), skipped.GetStructuredStateValue("Line"));
        Assert.Equal(hostile.Field, skipped.GetStructuredStateValue("Field"));
    }

    [Fact]
    public async Task Watcher_ReloadThatThrows_IsLoggedWithThePath_AndTheNextChangeIsStillServed()
    {
        var store = CreateStore();
        var served = new TaskCompletionSource<Essay>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.EssayChanged += (_, e) =>
        {
            if (e.Essay.Slug == "explodes")
            {
                throw new InvalidOperationException("a subscriber failed");
            }
            served.TrySetResult(e.Essay);
        };
        var logger = new FakeLogger<EssayFolderWatcher>(FakeLogs.Collector());
        using var watcher = new EssayFolderWatcher(store, TimeProvider.System, logger);
        await watcher.StartAsync(CancellationToken.None);

        var exploding = _folder.Write("explodes.md", TempEssayFolder.Essay("Explodes"));
        await logger.Collector.WhenLogged(1102, _timeout);
        _folder.Write("after.md", TempEssayFolder.Essay("After"));
        var essay = await served.Task.WaitAsync(_timeout);

        Assert.Equal("after", Path.GetFileNameWithoutExtension(essay.SourcePath));
        Assert.Equal(exploding, logger.Collector.GetSnapshot().First(e => e.Id.Id == 1102).GetStructuredStateValue("Path"));
        await watcher.StopAsync(CancellationToken.None);
    }

    private static string TextFoldingSlug(string title) => string.Join('-', TextFolding.Tokens(title));
}
