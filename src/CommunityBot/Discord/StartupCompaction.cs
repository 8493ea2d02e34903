using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Discord;

/// <summary>
/// Gives back, once, the memory start-up needed and the bot no longer does: loading the corpus, building the indexes,
/// migrations and the first connections leave garbage and heap the collector would otherwise keep mapped. Run when the
/// first shard is READY, before the first interaction, so the one blocking collection (a few milliseconds on a heap of
/// a few megabytes) delays nothing that is waiting (docs/performance.md has what it buys).
/// </summary>
public sealed partial class StartupCompaction(ILogger<StartupCompaction> logger)
{
    private int _done;

    /// <summary>The collection has run.</summary>
    public bool Compacted => Volatile.Read(ref _done) == 1;

    public void AfterReady()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }
        var before = Environment.WorkingSet;
        var started = Stopwatch.GetTimestamp();
        // Aggressive decommits the freed regions, which is what lowers the resident size; a plain collection keeps them.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogCompacted(before / 1024, Environment.WorkingSet / 1024, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Start-up is done: the heap was compacted once, resident {BeforeKb} KB → {AfterKb} KB in {Milliseconds:F1} ms")]
    private partial void LogCompacted(long beforeKb, long afterKb, double milliseconds);
}
