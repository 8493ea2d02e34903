namespace CommunityBot.Benchmarks;

internal sealed record PhaseResult(
    string Name,
    double Seconds,
    int Sent,
    int Completed,
    int CompletedInWindow,
    int Lost,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double MaxSendLagMs)
{
    public double PerSecond => Math.Round(CompletedInWindow / Seconds, 1);
}
