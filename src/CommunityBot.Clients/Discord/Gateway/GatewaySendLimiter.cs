namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// Discord allows 120 sends per connection per 60 s. Ordinary sends stop at 110 so heartbeats always find room.
/// A sliding window of send times: Discord disconnects on the 121st, so a fixed window's burst at its edge is not safe.
/// </summary>
internal sealed class GatewaySendLimiter
{
    public const int Limit = 120;
    public const int OrdinaryLimit = 110;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<long> _sentAt = new(Limit);
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public GatewaySendLimiter(TimeProvider time) => _time = time;

    public async ValueTask AcquireAsync(bool heartbeat, CancellationToken ct)
    {
        TimeSpan wait;
        while ((wait = TryAcquire(heartbeat)) > TimeSpan.Zero)
            await Task.Delay(wait, _time, ct);
    }

    /// <summary>Records a send and returns zero, or returns how long until one may be sent.</summary>
    public TimeSpan TryAcquire(bool heartbeat)
    {
        lock (_lock)
        {
            while (_sentAt.Count > 0 && _time.GetElapsedTime(_sentAt.Peek()) >= Window)
                _sentAt.Dequeue();

            if (_sentAt.Count < (heartbeat ? Limit : OrdinaryLimit))
            {
                _sentAt.Enqueue(_time.GetTimestamp());
                return TimeSpan.Zero;
            }

            // A slot frees once enough of the oldest sends have left the window to bring the count under the limit.
            var freesSlot = _sentAt.ElementAt(_sentAt.Count - (heartbeat ? Limit : OrdinaryLimit));
            return Window - _time.GetElapsedTime(freesSlot);
        }
    }
}
