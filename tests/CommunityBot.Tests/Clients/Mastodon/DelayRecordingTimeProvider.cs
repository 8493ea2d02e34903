using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Clients.Mastodon;

/// <summary>
/// A FakeTimeProvider that reports every wait the code under test starts, so a test advances time exactly when the
/// client is waiting (no race, no real sleeping) and can assert how long it chose to wait.
/// </summary>
internal sealed class DelayRecordingTimeProvider(DateTimeOffset start, TimeSpan requestTimeout) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);

        // The per-attempt request timeout is a timer too; it is not a wait.
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime != requestTimeout)
        {
            _delays.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public async Task<TimeSpan> NextDelayAsync() =>
        await _delays.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Waits for the client's next wait, lets exactly that much fake time pass, and returns it.</summary>
    public async Task<TimeSpan> CompleteNextDelayAsync()
    {
        var delay = await NextDelayAsync();
        Advance(delay);
        return delay;
    }

    public bool HasPendingDelay => _delays.Reader.TryPeek(out _);
}
