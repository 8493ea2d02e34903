namespace CommunityBot.Benchmarks;

/// <summary>The whole interaction path: INTERACTION_CREATE on the gateway to the bot's callback, at saturation and fixed rates.</summary>
internal static class InteractionBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options, string repository, string botDll)
    {
        using var runLimit = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxRunSeconds));
        var cancellationToken = runLimit.Token;
        var report = new BenchmarkReport { SaturationOutstanding = options.SaturationOutstanding };
        var exitCode = 0;
        await using (var fake = await FakeDiscordServer.StartAsync(cancellationToken))
        {
            using var bot = BotProcess.Start(botDll, fake.ApiBaseUrl, Path.Combine(repository, "data", "essays"), options.BotLog);
            report.BotPid = bot.Id;
            System.Console.Error.WriteLine($"fake Discord on {fake.ApiBaseUrl}, bot {botDll} as pid {bot.Id}");
            var driver = new LoadDriver(fake, options);
            try
            {
                var readyAt = await fake.ReadySent.Task.WaitAsync(TimeSpan.FromSeconds(options.ReadyTimeoutSeconds), cancellationToken);
                report.ReadyMs = LoadPhase.Milliseconds(readyAt - bot.StartedAt);
                await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
                var afterReady = bot.Status();
                report.ResidentAfterReadyKb = afterReady.ResidentKb;
                report.AnonymousAfterReadyKb = afterReady.AnonymousKb;
                report.FileAfterReadyKb = afterReady.FileKb;

                using var probe = new LoadPhase("probe");
                if (!await driver.ProbeAsync(probe, cancellationToken))
                    throw new InvalidOperationException($"the bot did not answer a /quote interaction within {options.LostAfterSeconds} s (log: {options.BotLog})");

                if (options.WarmupSeconds > 0)
                {
                    // JIT tiering, connection pools and buffers settle here; only its rate is reported.
                    using var warmup = await driver.SaturateAsync("warmup", options.WarmupSeconds, cancellationToken);
                    report.WarmupPerSecond = warmup.Summarize(options.WarmupSeconds).PerSecond;
                }

                await MeasureAsync(() => driver.SaturateAsync($"saturation k={options.SaturationOutstanding}", options.SaturationSeconds, cancellationToken),
                    options.SaturationSeconds);
                foreach (var rate in options.Rates)
                    await MeasureAsync(() => driver.FixedRateAsync(rate, options.RateSeconds, cancellationToken), options.RateSeconds);

                var end = bot.Status();
                report.ResidentEndKb = end.ResidentKb;
                report.PeakResidentKb = end.PeakResidentKb;
                report.BotThreads = end.Threads;
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or InvalidOperationException or IOException)
            {
                report.Error = bot.HasExited ? $"the bot exited ({exception.Message})" : exception.Message;
                exitCode = 1;
            }
            finally
            {
                bot.Stop(TimeSpan.FromSeconds(3));
                report.GatewayConnections = fake.GatewayConnections;
                report.CommandsPut = fake.CommandsPut;
                report.UnmatchedCallbacks = fake.UnmatchedCallbacks;
                report.OtherRoutes = fake.OtherRoutes.ToDictionary();
            }

            async Task MeasureAsync(Func<Task<LoadPhase>> run, double seconds)
            {
                // A short pause so one phase's stragglers and GC do not land in the next one.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var before = bot.Status().CpuSeconds;
                using var phase = await run();
                report.Phases.Add((phase.Summarize(seconds), bot.Status().CpuSeconds - before));
            }
        }

        System.Console.WriteLine(report.Table());
        System.Console.WriteLine(report.JsonLine());
        return exitCode;
    }
}
