using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Discord;

/// <summary>Fake time that counts its timers still alive: a timer left running by code under test shows here.</summary>
public sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private int _live;

    public int LiveTimers => Volatile.Read(ref _live);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _live);
        return new Counted(base.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class Counted(ITimer inner, TimerCountingTimeProvider owner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
