namespace CommunityBot.Tests.Fakes;

/// <summary>What a fake server was asked, in order, and a way to wait until it has been asked enough.</summary>
public sealed class RequestLog<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _requests];
        }
    }

    public void Add(T request)
    {
        lock (_lock)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived; fails after 10 seconds.</summary>
    public Task WaitForAsync(int count)
    {
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
