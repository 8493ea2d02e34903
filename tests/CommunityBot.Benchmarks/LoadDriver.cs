using System.Diagnostics;

namespace CommunityBot.Benchmarks;

/// <summary>Sends interactions through the fake: closed loop with K outstanding, or open loop at a fixed rate.</summary>
internal sealed class LoadDriver(FakeDiscordServer fake, BenchmarkOptions options)
{
    private static readonly TimeSpan s_slotWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(10);

    private long LostAfterTicks => (long)(options.LostAfterSeconds * Stopwatch.Frequency);

    /// <summary>Sends a single interaction and waits for its callback; false if none came.</summary>
    public async Task<bool> ProbeAsync(LoadPhase phase, CancellationToken cancellationToken)
    {
        if (!fake.Dispatch(phase))
            return false;
        await DrainAsync(phase, cancellationToken);
        return phase.Completed == 1;
    }

    public async Task<LoadPhase> SaturateAsync(string name, double seconds, CancellationToken cancellationToken)
    {
        var phase = new LoadPhase(name, options.SaturationOutstanding);
        phase.WindowStart = Stopwatch.GetTimestamp();
        phase.WindowEnd = phase.WindowStart + Ticks(seconds);
        while (Stopwatch.GetTimestamp() < phase.WindowEnd && phase.Sent < options.MaxPerPhase && !cancellationToken.IsCancellationRequested)
        {
            if (!await phase.WaitForSlotAsync(s_slotWait))
            {
                // Every slot has been out for 100 ms: free the ones the bot will never answer.
                fake.SweepLost(LostAfterTicks);
                continue;
            }
            if (Stopwatch.GetTimestamp() >= phase.WindowEnd || !fake.Dispatch(phase))
                break;
        }
        await DrainAsync(phase, cancellationToken);
        return phase;
    }

    public async Task<LoadPhase> FixedRateAsync(double rate, double seconds, CancellationToken cancellationToken)
    {
        var phase = new LoadPhase(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rate {rate}/s"));
        var total = Math.Min((long)(rate * seconds), options.MaxPerPhase);
        var ticksPerSend = Stopwatch.Frequency / rate;
        phase.WindowStart = Stopwatch.GetTimestamp();
        phase.WindowEnd = phase.WindowStart + Ticks(seconds);
        var hardStop = phase.WindowEnd + Ticks(options.LostAfterSeconds);
        // A thread of its own paces the sends: on the shared thread pool the pacer waits behind the fake's own work and
        // then sends bursts, which the bot sees as a higher rate. Sleep(1) (about 1.1 ms) leaves the cores to the bot.
        await Task.Factory.StartNew(() =>
        {
            long sent = 0;
            while (sent < total && Stopwatch.GetTimestamp() < hardStop && !cancellationToken.IsCancellationRequested)
            {
                var intendedAt = phase.WindowStart + (long)(sent * ticksPerSend);
                if (Stopwatch.GetTimestamp() < intendedAt)
                    Thread.Sleep(1);
                else if (fake.Dispatch(phase, intendedAt))
                    sent++;
                else
                    break;
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await DrainAsync(phase, cancellationToken);
        return phase;
    }

    private async Task DrainAsync(LoadPhase phase, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + Ticks(options.LostAfterSeconds + 1);
        while (phase.Outstanding > 0 && Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(s_pollInterval, cancellationToken);
            fake.SweepLost(LostAfterTicks);
        }
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
