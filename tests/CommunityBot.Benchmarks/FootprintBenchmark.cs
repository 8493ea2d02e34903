using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CommunityBot.Benchmarks;

/// <summary>
/// Launches the bot N times in Discord mode (full corpus, Quartz, SQLite storage, one gateway session) against the
/// loopback fake: time from process start to READY and resident memory after a quiet spell, with their medians.
/// </summary>
internal static class FootprintBenchmark
{
    // The reference figures of the issue, in the units they were given.
    private const double AimMb = 65, DiscordNetMb = 90, RawClientMb = 52;
    private const double AimReadyMs = 500, DiscordNetReadyMs = 680;

    public static async Task<int> RunAsync(FootprintOptions options, string repository)
    {
        var botDll = BotBuild.Find(repository, options.BotPath);
        var folder = Directory.CreateTempSubdirectory("communitybot-footprint-");
        // One database for every launch, as a restarted bot would find it; the first launch creates the schema.
        var environment = new Dictionary<string, string> { ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "bot.db")}" };
        var launches = new List<Launch>();
        var exitCode = 0;
        for (var i = 0; i < options.Launches; i++)
        {
            using var runLimit = new CancellationTokenSource(TimeSpan.FromSeconds(60 + options.IdleSeconds));
            await using var fake = await FakeDiscordServer.StartAsync(runLimit.Token);
            using var bot = BotProcess.Start(botDll, fake.ApiBaseUrl, Path.Combine(repository, "data", "essays"), options.BotLog, environment);
            try
            {
                var readyAt = await fake.ReadySent.Task.WaitAsync(TimeSpan.FromSeconds(60), runLimit.Token);
                await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), runLimit.Token);
                var status = bot.Status();
                var mapped = MappedFiles(bot.Id);
                launches.Add(new Launch(LoadPhase.Milliseconds(readyAt - bot.StartedAt), status.ResidentKb, status.AnonymousKb, status.FileKb,
                    mapped.Count(f => f.EndsWith(".dll", StringComparison.Ordinal)), mapped.Where(f => f.Contains("Npgsql", StringComparison.Ordinal)).ToList()));
                if (options.ListAssemblies)
                    System.Console.Error.WriteLine(string.Join('\n', mapped.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
                System.Console.Error.WriteLine($"launch {i + 1}: READY {launches[^1].ReadyMs:F0} ms, resident {launches[^1].ResidentKb / 1024.0:F1} MB");
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                System.Console.Error.WriteLine($"launch {i + 1}: " + (bot.HasExited ? "the bot exited" : "no READY within 60 s"));
                exitCode = 1;
            }
            finally
            {
                bot.Stop(TimeSpan.FromSeconds(3));
            }
        }
        folder.Delete(recursive: true);
        if (launches.Count == 0)
            return 1;

        var readyMs = Median(launches.Select(l => l.ReadyMs));
        var residentMb = Median(launches.Select(l => l.ResidentKb / 1024.0));
        var text = new StringBuilder();
        foreach (var (launch, n) in launches.Select((l, n) => (l, n + 1)))
        {
            text.AppendLine($"launch {n}: READY {launch.ReadyMs:F0} ms, resident {launch.ResidentKb / 1024.0:F1} MB (anonymous {launch.AnonymousKb / 1024.0:F1}, " +
                $"files {launch.FileKb / 1024.0:F1}), {launch.MappedAssemblies} assemblies mapped{(launch.Npgsql.Count > 0 ? ", Npgsql mapped" : "")}");
        }
        text.AppendLine($"median of {launches.Count}: READY {readyMs:F0} ms = {readyMs / AimReadyMs:F2}x the aim of {AimReadyMs:F0} ms, {readyMs / DiscordNetReadyMs:F2}x Discord.Net's {DiscordNetReadyMs:F0} ms");
        text.Append($"median of {launches.Count}: resident {residentMb:F1} MB = {residentMb / AimMb:F2}x the aim of {AimMb:F0} MB, " +
            $"{residentMb / DiscordNetMb:F2}x Discord.Net's {DiscordNetMb:F0} MB, {residentMb / RawClientMb:F2}x the raw client's {RawClientMb:F0} MB (MB = 1,024 kB)");
        System.Console.WriteLine(text);
        System.Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["mode"] = "footprint",
            ["launches"] = launches.Count,
            ["ready_ms_median"] = Math.Round(readyMs, 1),
            ["rss_mb_median"] = Math.Round(residentMb, 1),
            ["ready_ms"] = launches.Select(l => l.ReadyMs).ToArray(),
            ["rss_kb"] = launches.Select(l => l.ResidentKb).ToArray(),
        }));
        return exitCode;
    }

    /// <summary>The distinct files the process has mapped, from /proc/&lt;pid&gt;/maps.</summary>
    private static List<string> MappedFiles(int pid) =>
        [.. File.ReadLines($"/proc/{pid}/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 6 && parts[5].StartsWith('/'))
            .Select(parts => parts[5].Trim())
            .Distinct(StringComparer.Ordinal)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Launch(double ReadyMs, long ResidentKb, long AnonymousKb, long FileKb, int MappedAssemblies, IReadOnlyList<string> Npgsql);
}
