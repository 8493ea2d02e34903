namespace CommunityBot.Benchmarks;

/// <summary>What the fake saw of a fan-out: accepted requests (Stopwatch ticks, in order) and every 429 by scope.</summary>
internal sealed record FanoutRecord(
    IReadOnlyList<long> AcceptedAt,
    int MessagesByNonce,
    int ReplayedNonces,
    int WithoutNonce,
    int GlobalLimited,
    int GlobalLimitedWindows,
    int UserLimited,
    int BucketsLimitedMoreThanOnce);
