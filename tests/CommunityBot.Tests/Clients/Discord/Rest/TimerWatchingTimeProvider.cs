using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Clients.Discord.Rest;

// A FakeTimeProvider that tells a test when the code under test starts waiting, and for how long,
// so the test can advance exactly past that wait instead of guessing.
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly List<TimeSpan> _unclaimed = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_unclaimed)
        {
            var waiter = _waiters.FindIndex(w => w.Match(dueTime));
            if (waiter >= 0)
            {
                _waiters[waiter].Signal.TrySetResult(dueTime);
                _waiters.RemoveAt(waiter);
            }
            else
            {
                _unclaimed.Add(dueTime);
            }
        }
        return timer;
    }

    // The next timer whose due time matches, including one created before this call.
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        lock (_unclaimed)
        {
            var index = _unclaimed.FindIndex(d => match(d));
            if (index >= 0)
            {
                var due = _unclaimed[index];
                _unclaimed.RemoveAt(index);
                return Task.FromResult(due);
            }
            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime) => WaitForTimerAsync(d => d == dueTime);
}
