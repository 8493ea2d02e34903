namespace CommunityBot.Benchmarks;

/// <summary>An interaction the fake has queued; SentAt is set when its frame goes to the socket.</summary>
internal sealed class PendingInteraction(ulong id, LoadPhase phase, long intendedAt)
{
    private long _sentAt;

    public ulong Id { get; } = id;
    public LoadPhase Phase { get; } = phase;
    public long IntendedAt { get; } = intendedAt;

    public long SentAt
    {
        get => Volatile.Read(ref _sentAt);
        set => Volatile.Write(ref _sentAt, value);
    }
}
