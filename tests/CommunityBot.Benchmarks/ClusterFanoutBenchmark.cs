using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommunityBot.Storage;
using Npgsql;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The fan-out of <see cref="FanoutBenchmark"/> with one, two, three… instances of the bot on one PostgreSQL database,
/// against one fake that holds them all to Discord's limits for one token: whether adding instances keeps the share of
/// the allowed rate, and whether any post went out twice.
/// </summary>
internal static class ClusterFanoutBenchmark
{
    // EpigraphTargetSync's "Epigraph schedules in place", as the console logger writes its event id.
    private const string SyncedEvent = "[5030]";

    public static async Task<int> RunAsync(ClusterFanoutOptions options, string repository)
    {
        var botDll = BotBuild.Find(repository, options.Fanout.BotPath);
        var results = new List<(int Instances, FanoutResult Result, FanoutRecord Record)>();
        var exitCode = 0;
        foreach (var instances in options.Instances)
        {
            var (code, result, record) = await RunOnceAsync(options, instances, botDll, repository);
            exitCode = Math.Max(exitCode, code);
            if (result is not null)
                results.Add((instances, result, record!));
        }
        var single = results.FirstOrDefault(r => r.Instances == 1).Result;
        System.Console.WriteLine();
        System.Console.WriteLine("| instances | per second | share of the allowed rate | against one instance | global 429s | nonce replays | all delivered once |");
        System.Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (instances, result, record) in results)
        {
            var ratio = single is null ? "-" : (result.PerSecond / single.PerSecond).ToString("F3", CultureInfo.InvariantCulture);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {instances} | {result.PerSecond:F1} | {result.ShareOfAllowed:P1} | {ratio} | {record.GlobalLimited} | {record.ReplayedNonces} | {(result.AllDeliveredOnce ? "yes" : "NO")} |"));
        }
        return exitCode;
    }

    private static async Task<(int ExitCode, FanoutResult? Result, FanoutRecord? Record)> RunOnceAsync(ClusterFanoutOptions cluster, int instances, string botDll, string repository)
    {
        var options = cluster.Fanout;
        using var runLimit = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxRunSeconds));
        var cancellationToken = runLimit.Token;
        var name = $"communitybot_bench_{Guid.NewGuid():N}";
        await AdministerAsync(cluster.Postgres, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.Postgres) { Database = name }.ConnectionString;
        try
        {
            var database = FanoutDatabase.Open(connectionString, StorageProvider.Postgres);
            var seedStarted = Stopwatch.GetTimestamp();
            var dueUtc = DateTimeOffset.UtcNow.AddSeconds(options.LeadSeconds);
            dueUtc = dueUtc.AddTicks(-(dueUtc.UtcTicks % TimeSpan.TicksPerSecond)).AddSeconds(1);
            await FanoutDatabase.SeedAsync(database, options.Channels, dueUtc, journal: null, cancellationToken);
            var seedSeconds = Stopwatch.GetElapsedTime(seedStarted).TotalSeconds;

            var messages = new FakeChannelMessages(options.GlobalPerSecond, options.BucketLimit, TimeSpan.FromSeconds(options.BucketSeconds));
            var report = new StringBuilder();
            var exitCode = 0;
            await using var fake = await FakeDiscordServer.StartAsync(cancellationToken, messages);
            // Each instance's log is read for the end of its start-up trigger sync, so it goes to a file even without --bot-log.
            var logFolder = Directory.CreateTempSubdirectory("communitybot-cluster-fanout-");
            var logs = Enumerable.Range(0, instances)
                .Select(i => options.BotLog == "/dev/null" ? Path.Combine(logFolder.FullName, $"bot-{i}.log") : $"{options.BotLog}.{instances}.{i}")
                .ToList();
            var perInstance = cluster.SplitGlobal ? Math.Max(1, options.GlobalPerSecond / instances) : options.GlobalPerSecond;
            var bots = Enumerable.Range(0, instances).Select(i => BotProcess.Start(botDll, fake.ApiBaseUrl, Path.Combine(repository, "data", "essays"),
                logs[i],
                new Dictionary<string, string>
                {
                    ["Storage__Provider"] = StorageProvider.Postgres,
                    ["Storage__ConnectionString"] = connectionString,
                    ["Cluster__InstanceId"] = $"bench-{i}",
                    ["Discord__ShardCount"] = instances.ToString(CultureInfo.InvariantCulture),
                    ["Discord__ShardIds"] = i.ToString(CultureInfo.InvariantCulture),
                    ["Discord__GlobalRequestsPerSecond"] = perInstance.ToString(CultureInfo.InvariantCulture),
                })).ToList();
            var dueTicks = Stopwatch.GetTimestamp() + (long)((dueUtc - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
            System.Console.Error.WriteLine($"{instances} instance(s) (pids {string.Join(", ", bots.Select(b => b.Id))}), each {perInstance}/s of the global limit; " +
                $"{options.Channels} channels due at {dueUtc:HH:mm:ss} UTC, database {name}");
            double? readyMs = null;
            var cpuBefore = 0.0;
            double? cpu = null;
            try
            {
                var readyBy = Stopwatch.GetTimestamp() + (long)((options.LeadSeconds + 60) * Stopwatch.Frequency);
                while (fake.ReadyCount < instances)
                {
                    if (Stopwatch.GetTimestamp() > readyBy || bots.Any(b => b.HasExited))
                        throw new InvalidOperationException($"{fake.ReadyCount} of {instances} instances reached READY");
                    await Task.Delay(50, cancellationToken);
                }
                var readyAt = Stopwatch.GetTimestamp();
                readyMs = LoadPhase.Milliseconds(readyAt - bots.Min(b => b.StartedAt));
                // Every instance puts every trigger in place at start; one put in place after its second has passed
                // would wait for the next day.
                while (!logs.All(log => File.Exists(log) && File.ReadAllText(log).Contains(SyncedEvent, StringComparison.Ordinal)))
                {
                    if (Stopwatch.GetTimestamp() > readyBy || bots.Any(b => b.HasExited))
                        throw new InvalidOperationException("not every instance finished its start-up trigger sync (event 5030)");
                    await Task.Delay(200, cancellationToken);
                }
                var syncedAt = Stopwatch.GetTimestamp();
                System.Console.Error.WriteLine($"READY {readyMs:F0} ms, triggers in place {LoadPhase.Milliseconds(syncedAt - bots.Min(b => b.StartedAt)):F0} ms after launch");
                if (syncedAt > dueTicks)
                    throw new InvalidOperationException($"the triggers were in place {LoadPhase.Milliseconds(syncedAt - dueTicks):F0} ms after the posts were due; raise --lead-seconds");
                cpuBefore = bots.Sum(b => b.Status().CpuSeconds);
                await FanoutBenchmark.WaitForFanoutAsync(messages, options, dueTicks, () => bots.All(b => b.HasExited), cancellationToken);
                // Late duplicates would show up here.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                cpu = bots.Sum(b => b.Status().CpuSeconds) - cpuBefore;
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or InvalidOperationException)
            {
                report.AppendLine("ERROR: " + exception.Message);
                exitCode = 1;
            }
            finally
            {
                foreach (var bot in bots)
                {
                    bot.Stop(TimeSpan.FromSeconds(5));
                    bot.Dispose();
                }
            }

            var outbox = await FanoutDatabase.OutboxAsync(database, CancellationToken.None);
            var record = messages.Snapshot();
            var result = new FanoutResult(options, record, outbox, dueTicks, readyMs, seedSeconds, cpu, null);
            report.Insert(0, $"== {instances} instance(s) on PostgreSQL\n" + result.Table());
            System.Console.WriteLine(report.ToString().TrimEnd());
            System.Console.WriteLine(result.JsonLine());
            logFolder.Delete(recursive: true);
            return (result.AllDeliveredOnce ? exitCode : 1, result, record);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdministerAsync(cluster.Postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    // Names cannot be parameters in DDL; this one is made here from a Guid.
    private static async Task AdministerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
