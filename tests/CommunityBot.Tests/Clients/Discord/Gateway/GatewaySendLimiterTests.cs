using CommunityBot.Clients.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public void TryAcquire_OrdinaryLimitReached_KeepsTenSlotsForHeartbeats()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.OrdinaryLimit; i++)
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: false));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(50), limiter.TryAcquire(heartbeat: false));
        for (var i = GatewaySendLimiter.OrdinaryLimit; i < GatewaySendLimiter.Limit; i++)
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: true));
        Assert.Equal(TimeSpan.FromSeconds(50), limiter.TryAcquire(heartbeat: true));
    }

    [Fact]
    public void TryAcquire_WindowSlides_FreesSlotsAsOldSendsExpire()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        limiter.TryAcquire(heartbeat: false);
        time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 1; i < GatewaySendLimiter.OrdinaryLimit; i++)
            limiter.TryAcquire(heartbeat: false);

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(heartbeat: false));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.TryAcquire(heartbeat: false));
    }
}
