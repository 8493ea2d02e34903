namespace CommunityBot.Clients.Discord.Rest;

// Rate-limit deadlines are monotonic timestamps: Discord's X-RateLimit-Reset-After is relative,
// and a wall clock that jumps would make the client wait too long or burst into 429s.
internal static class MonotonicClock
{
    public static long After(this TimeProvider time, long timestamp, TimeSpan span) =>
        timestamp + (long)(span.TotalSeconds * time.TimestampFrequency);

    // Task.Delay truncates to whole milliseconds; rounding up keeps a retry from landing just before the reset.
    public static Task DelayAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), time, cancellationToken);

    public static TimeSpan Until(this TimeProvider time, long now, long deadline) =>
        deadline <= now ? TimeSpan.Zero : time.GetElapsedTime(now, deadline);
}
