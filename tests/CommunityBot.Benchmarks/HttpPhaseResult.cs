using System.Globalization;

namespace CommunityBot.Benchmarks;

internal sealed record HttpPhaseResult(string Name, int Sent, int Answered, int Failed, double PerSecond, double P50Ms, double P99Ms, double MaxMs, double CpuSeconds)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Sent} sent, {Answered} answered (type 4), {Failed} failed · {PerSecond:F1}/s · p50 {P50Ms} ms, p99 {P99Ms} ms, max {MaxMs} ms · bot CPU {CpuSeconds:F1} s");
}
