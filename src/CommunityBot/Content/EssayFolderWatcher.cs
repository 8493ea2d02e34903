using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Content;

/// <summary>
/// Watches the essays folder and reloads changed files while the bot runs. Events are gathered for a short
/// quiet period first, because editors save in several steps (write, rename, touch) and one reload is enough.
/// </summary>
public sealed partial class EssayFolderWatcher(ContentStore store, TimeProvider time, ILogger<EssayFolderWatcher> logger) : IHostedService, IDisposable
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(store.Directory))
        {
            return Task.CompletedTask;
        }
        _timer = time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(store.Directory, CorpusLoader.FilePattern)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, e) => Enqueue(e.FullPath);
        _watcher.Changed += (_, e) => Enqueue(e.FullPath);
        _watcher.Deleted += (_, e) => Enqueue(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Enqueue(e.OldFullPath);
            Enqueue(e.FullPath);
        };
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    private void Enqueue(string path)
    {
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        lock (_gate)
        {
            _pending.Add(path);
            _timer?.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] paths;
        lock (_gate)
        {
            paths = [.. _pending];
            _pending.Clear();
        }
        foreach (var path in paths)
        {
            try
            {
                store.Reload(path);
            }
            catch (Exception exception)
            {
                // This runs on a timer thread, where an exception ends the process; one file must not do that.
                LogReloadFailed(exception, path);
            }
        }
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Reloading essay file {Path} failed; the essays loaded before are still served")]
    private partial void LogReloadFailed(Exception exception, string path);
}
