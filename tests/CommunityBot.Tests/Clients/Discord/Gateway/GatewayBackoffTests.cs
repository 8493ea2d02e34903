using CommunityBot.Clients.Discord.Gateway;

namespace CommunityBot.Tests.Clients.Discord.Gateway;

public sealed class GatewayBackoffTests
{
    [Theory]
    [InlineData(0.0, new[] { 0.5, 1, 2, 4, 8, 16, 30, 30, 30 })]
    [InlineData(1.0, new[] { 1.0, 2, 4, 8, 16, 32, 60, 60, 60 })]
    public void Delays_DoubleFromOneSecondAndCapAtSixty_WithinJitterBounds(double random, double[] expectedSeconds)
    {
        var delays = GatewayBackoff.Delays(() => random, GatewayBackoff.First, GatewayBackoff.Cap).Take(expectedSeconds.Length);

        Assert.Equal(expectedSeconds, delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void Delays_HalfwayJitter_LandBetweenTheBounds()
    {
        var delays = GatewayBackoff.Delays(() => 0.5, GatewayBackoff.First, GatewayBackoff.Cap).Take(3);

        Assert.Equal([0.75, 1.5, 3], delays.Select(d => d.TotalSeconds));
    }
}
