using CommunityBot.Delivery;

namespace CommunityBot.Tests.Delivery;

/// <summary>What the wake-up listener decides without a database (the rest is in <see cref="OutboxWakeUpTestsOnPostgres"/>).</summary>
public sealed class OutboxWakeUpListenerTests
{
    [Fact]
    public void RetryDelay_DoublesFromOneSecond_UpToAMinute()
    {
        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 60, 60],
            Enumerable.Range(0, 8).Select(failures => OutboxWakeUpListener.RetryDelay(failures).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxWakeUpListener.RetryDelay(int.MaxValue));
    }
}
