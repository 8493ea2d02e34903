using System.Threading.Channels;

namespace CommunityBot.Delivery;

/// <summary>Wakes the delivery worker when a row is written, so a post does not wait for the next poll.</summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var notified = _signal.Reader.WaitToReadAsync(wait.Token).AsTask();
        var elapsed = Task.Delay(timeout, time, wait.Token);
        await Task.WhenAny(notified, elapsed);
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _signal.Reader.TryRead(out _);
    }
}
