using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

/// <summary>
/// A FakeTimeProvider that also tells the test when the client starts waiting, and for how long, so the test can
/// advance exactly that far instead of guessing.
/// </summary>
public sealed class GatewayTestTime : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _timers = [];
    private readonly List<(TimeSpan DueTime, int From, TaskCompletionSource Created)> _waiters = [];

    public int TimerCount
    {
        get
        {
            lock (_lock)
                return _timers.Count;
        }
    }

    // Recorded after the base registers the timer, so a test that advances on the signal cannot outrun it.
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _timers.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Created.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>Completes once a timer of <paramref name="dueTime"/> was created at or after index <paramref name="from"/>.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int from = 0)
    {
        lock (_lock)
        {
            if (_timers.Skip(from).Contains(dueTime))
                return Task.CompletedTask;
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, from, created));
            return created.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
