using System.Diagnostics;
using System.Text;

namespace CommunityBot.Benchmarks;

/// <summary>
/// N guild channels due at the same second, the real bot launched against a fake that enforces Discord's limits: how
/// close the bot's send rate comes to the allowed one, which 429s it ran into, and whether each post arrived once.
/// </summary>
internal static class FanoutBenchmark
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(FanoutOptions options, string repository)
    {
        var botDll = BotBuild.Find(repository, options.BotPath);
        using var runLimit = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxRunSeconds));
        var cancellationToken = runLimit.Token;
        var folder = Directory.CreateTempSubdirectory("communitybot-fanout-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "bot.db")}";
        var database = FanoutDatabase.Open(connectionString);

        var seedStarted = Stopwatch.GetTimestamp();
        // Whole seconds, so the cron names the instant exactly.
        var dueUtc = DateTimeOffset.UtcNow.AddSeconds(options.LeadSeconds);
        dueUtc = dueUtc.AddTicks(-(dueUtc.UtcTicks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        await FanoutDatabase.SeedAsync(database, options.Channels, dueUtc, options.Journal, cancellationToken);
        var seedSeconds = Stopwatch.GetElapsedTime(seedStarted).TotalSeconds;

        var messages = new FakeChannelMessages(options.GlobalPerSecond, options.BucketLimit, TimeSpan.FromSeconds(options.BucketSeconds));
        var report = new StringBuilder();
        var exitCode = 0;
        await using (var fake = await FakeDiscordServer.StartAsync(cancellationToken, messages))
        {
            using var bot = BotProcess.Start(botDll, fake.ApiBaseUrl, Path.Combine(repository, "data", "essays"), options.BotLog,
                new Dictionary<string, string> { ["Storage__ConnectionString"] = connectionString });
            var dueTicks = Stopwatch.GetTimestamp() + (long)((dueUtc - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
            System.Console.Error.WriteLine($"fake Discord on {fake.ApiBaseUrl}, bot pid {bot.Id}, {options.Channels} channels due at {dueUtc:HH:mm:ss} UTC, database {folder.FullName}");
            double? readyMs = null;
            var cpuBefore = 0.0;
            ProcessStatus? end = null;
            try
            {
                var readyAt = await fake.ReadySent.Task.WaitAsync(TimeSpan.FromSeconds(options.LeadSeconds + 60), cancellationToken);
                readyMs = LoadPhase.Milliseconds(readyAt - bot.StartedAt);
                if (readyAt > dueTicks)
                    throw new InvalidOperationException($"READY came {LoadPhase.Milliseconds(readyAt - dueTicks):F0} ms after the posts were due; raise --lead-seconds");
                cpuBefore = bot.Status().CpuSeconds;
                await WaitForFanoutAsync(messages, options, dueTicks, () => bot.HasExited, cancellationToken);
                // Late duplicates would show up here.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                end = bot.Status();
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or InvalidOperationException)
            {
                report.AppendLine("ERROR: " + (bot.HasExited ? $"the bot exited ({exception.Message})" : exception.Message));
                exitCode = 1;
            }
            finally
            {
                bot.Stop(TimeSpan.FromSeconds(5));
            }

            var outbox = await FanoutDatabase.OutboxAsync(database, CancellationToken.None);
            var result = new FanoutResult(options, messages.Snapshot(), outbox, dueTicks, readyMs, seedSeconds,
                end is { } e ? e.CpuSeconds - cpuBefore : null, end?.PeakResidentKb);
            report.Insert(0, result.Table());
            System.Console.WriteLine(report.ToString().TrimEnd());
            System.Console.WriteLine(result.JsonLine());
            if (!result.AllDeliveredOnce)
                exitCode = 1;
        }
        folder.Delete(recursive: true);
        return exitCode;
    }

    /// <summary>Until every nonce arrived, the bot is gone, or nothing new arrived for twice the longest retry the limits ask for.</summary>
    internal static async Task WaitForFanoutAsync(FakeChannelMessages messages, FanoutOptions options, long dueTicks, Func<bool> botsGone, CancellationToken cancellationToken)
    {
        var quietLimit = (long)(Math.Max(10, 2 * options.BucketSeconds) * Stopwatch.Frequency);
        var lastCount = 0;
        var lastChange = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(s_poll, cancellationToken);
            var record = messages.Snapshot();
            if (record.MessagesByNonce >= options.Channels || botsGone())
                break;
            var now = Stopwatch.GetTimestamp();
            if (record.AcceptedAt.Count != lastCount)
                (lastCount, lastChange) = (record.AcceptedAt.Count, now);
            else if (now - Math.Max(lastChange, dueTicks) > quietLimit)
                break;
        }
    }
}
