using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Content;

/// <summary>
/// Owns the current <see cref="EssayIndex"/>. Readers take the index without locking; a reload builds a new
/// index and swaps it in, so a command never sees half a change. A file that fails to parse is logged and
/// left out while every other essay keeps being served.
/// </summary>
public sealed partial class ContentStore
{
    private readonly Lock _gate = new();
    private readonly ILogger<ContentStore> _logger;
    private readonly long _maxFileBytes;
    private readonly Dictionary<string, EssayParseResult> _files = new(StringComparer.Ordinal);
    private EssayIndex _index = EssayIndex.Empty;

    public ContentStore(IOptions<ContentOptions> options, ILogger<ContentStore> logger)
    {
        _logger = logger;
        _maxFileBytes = options.Value.MaxFileBytes;
        Directory = ContentPathResolver.Resolve(options.Value.Path);
        Errors = [];
        LoadAll();
    }

    /// <summary>Raised after a reload for each essay that became valid, changed or went away.</summary>
    public event EventHandler<EssayChangedEventArgs>? EssayChanged;

    public string Directory { get; }

    public EssayIndex Index => Volatile.Read(ref _index);

    public IReadOnlyList<ContentError> Errors { get; private set; }

    private void LoadAll()
    {
        lock (_gate)
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                Publish(CorpusLoader.Load(Directory, _maxFileBytes));
                return;
            }
            foreach (var path in System.IO.Directory.EnumerateFiles(Directory, CorpusLoader.FilePattern))
            {
                _files[path] = CorpusLoader.ParseFile(path, Directory, _maxFileBytes);
            }
            Publish(CorpusLoader.Combine(_files.Values));
        }
    }

    /// <summary>Reads one file again (or forgets it when it is gone) and raises the changes it made.</summary>
    public void Reload(string path)
    {
        List<EssayChangedEventArgs> changes;
        lock (_gate)
        {
            var before = Index.Essays.ToDictionary(e => e.Slug, StringComparer.Ordinal);
            if (File.Exists(path))
            {
                _files[path] = CorpusLoader.ParseFile(path, Directory, _maxFileBytes);
            }
            else
            {
                _files.Remove(path);
            }
            Publish(CorpusLoader.Combine(_files.Values));
            changes = Diff(before, Index.Essays, path);
        }
        foreach (var change in changes)
        {
            LogChanged(change.Kind, change.Essay.Slug, path);
            EssayChanged?.Invoke(this, change);
        }
    }

    private void Publish(Corpus corpus)
    {
        // Only what is new: a reload of one file (or a save seen as two events) must not repeat every known problem.
        var known = Errors.ToHashSet();
        Errors = corpus.Errors;
        foreach (var error in corpus.Errors.Where(e => !known.Contains(e)))
        {
            LogSkipped(error.File, error.Line, error.Field, error.Message);
        }
        Volatile.Write(ref _index, new EssayIndex(corpus.Essays));
    }

    private static List<EssayChangedEventArgs> Diff(Dictionary<string, Essay> before, IReadOnlyList<Essay> after, string path)
    {
        var changes = new List<EssayChangedEventArgs>();
        foreach (var essay in after)
        {
            if (!before.Remove(essay.Slug, out var old))
            {
                changes.Add(new EssayChangedEventArgs(EssayChangeKind.Added, essay));
            }
            else if (essay.SourcePath == path || old.SourcePath == path)
            {
                changes.Add(new EssayChangedEventArgs(EssayChangeKind.Updated, essay));
            }
        }
        changes.AddRange(before.Values.Select(e => new EssayChangedEventArgs(EssayChangeKind.Removed, e)));
        return changes;
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Essay file skipped: {File}:{Line}: {Field}: {Problem}")]
    private partial void LogSkipped(string file, int line, string field, string problem);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Essay {Kind}: {Slug} ({Path})")]
    private partial void LogChanged(EssayChangeKind kind, string slug, string path);
}
