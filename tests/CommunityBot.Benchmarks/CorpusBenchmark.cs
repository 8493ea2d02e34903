using System.Diagnostics;
using System.Text.Json;
using CommunityBot.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Benchmarks;

/// <summary>
/// A generated corpus loaded the way the bot loads it (ContentStore: parse every file, build the index), then searched
/// with EssayIndex.Search: load time, managed and resident memory, and search latency against the 20 ms p99 aim.
/// </summary>
internal static class CorpusBenchmark
{
    private const double AimP99Ms = 20;
    private const int MaxHits = 10;
    private const int WarmupQueries = 100;

    public static int Run(CorpusOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("communitybot-corpus-");
        try
        {
            var generator = new EssayGenerator(options.Seed, options.Vocabulary);
            var started = Stopwatch.GetTimestamp();
            generator.WriteCorpus(folder.FullName, options.Essays);
            var generateSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            var residentBefore = ProcessStatus.Read(Environment.ProcessId).ResidentKb;
            started = Stopwatch.GetTimestamp();
            var store = new ContentStore(Options.Create(new ContentOptions { Path = folder.FullName }), NullLogger<ContentStore>.Instance);
            var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
            var residentAfter = ProcessStatus.Read(Environment.ProcessId).ResidentKb;
            var index = store.Index;
            if (index.Essays.Count != options.Essays || store.Errors.Count > 0)
            {
                System.Console.Error.WriteLine($"generated {options.Essays} essays, {index.Essays.Count} loaded; first error: {(store.Errors.Count > 0 ? store.Errors[0] : null)}");
                return 1;
            }
            // The index alone, built again from the parsed essays: how much of the load is parsing files.
            started = Stopwatch.GetTimestamp();
            _ = new EssayIndex(index.Essays);
            var indexSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            var queries = QueryMix(generator, options.Queries + WarmupQueries);
            var hits = 0L;
            foreach (var query in queries.Take(WarmupQueries))
                hits += index.Search(query.Text, MaxHits).Count;
            var latencies = new List<(double Ms, string Kind)>(options.Queries);
            var empty = 0;
            foreach (var query in queries.Skip(WarmupQueries))
            {
                var at = Stopwatch.GetTimestamp();
                var found = index.Search(query.Text, MaxHits);
                latencies.Add((Stopwatch.GetElapsedTime(at).TotalMilliseconds, query.Kind));
                if (found.Count == 0)
                    empty++;
            }

            var all = latencies.Select(l => l.Ms).Order().ToArray();
            var p50 = Percentile(all, 0.50);
            var p99 = Percentile(all, 0.99);
            System.Console.WriteLine($"corpus of {options.Essays} generated essays ({options.Vocabulary} words, seed {options.Seed}) written in {generateSeconds:F1} s");
            System.Console.WriteLine($"load (ContentStore: parse + index) {loadSeconds:F2} s, of which the index {indexSeconds:F2} s; " +
                $"managed memory {(managedAfter - managedBefore) / 1048576.0:F1} MB after load, process resident {residentAfter / 1024.0:F1} MB " +
                $"(+{(residentAfter - residentBefore) / 1024.0:F1} MB)");
            System.Console.WriteLine($"search over {options.Queries} queries (top {MaxHits}, {empty} without hits): p50 {p50:F2} ms, p99 {p99:F2} ms " +
                $"= {p99 / AimP99Ms:F2}x the aim of {AimP99Ms:F0} ms, max {all[^1]:F2} ms");
            foreach (var group in latencies.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var sorted = group.Select(l => l.Ms).Order().ToArray();
                System.Console.WriteLine($"  {group.Key,-10} {sorted.Length,5} queries: p50 {Percentile(sorted, 0.5):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
            }
            System.Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["mode"] = "corpus",
                ["essays"] = options.Essays,
                ["load_s"] = Math.Round(loadSeconds, 3),
                ["index_s"] = Math.Round(indexSeconds, 3),
                ["managed_mb"] = Math.Round((managedAfter - managedBefore) / 1048576.0, 1),
                ["rss_mb"] = Math.Round(residentAfter / 1024.0, 1),
                ["search_p50_ms"] = Math.Round(p50, 3),
                ["search_p99_ms"] = Math.Round(p99, 3),
                ["search_max_ms"] = Math.Round(all[^1], 3),
                ["warmup_hits"] = hits,
            }));
            GC.KeepAlive(store);
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One to three words, some with a typo, some with their accents dropped or names written plainly.</summary>
    private static List<(string Text, string Kind)> QueryMix(EssayGenerator generator, int count)
    {
        var queries = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = generator.Next(100);
            queries.Add(roll switch
            {
                < 35 => (generator.Word(), "1 word"),
                < 60 => (generator.Words(2), "2 words"),
                < 75 => (generator.Words(3), "3 words"),
                < 90 => (Typo(generator, generator.Word()), "typo"),
                _ => (StripAccents(EssayGenerator.Names[generator.Next(EssayGenerator.Names.Count)]) + " " + generator.Word(), "diacritics"),
            });
        }
        return queries;
    }

    private static string Typo(EssayGenerator generator, string word)
    {
        if (word.Length < 4)
            return word + "x";
        var at = 1 + generator.Next(word.Length - 2);
        return word[..at] + (char)('a' + generator.Next(26)) + word[(at + 1)..];
    }

    private static string StripAccents(string text) => TextFolding.Fold(text);

    internal static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
