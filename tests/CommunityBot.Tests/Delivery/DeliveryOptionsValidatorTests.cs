using CommunityBot.Delivery;

namespace CommunityBot.Tests.Delivery;

public sealed class DeliveryOptionsValidatorTests
{
    private readonly DeliveryOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid_WithTenAttempts()
    {
        var options = new DeliveryOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(10, options.MaxAttempts);
    }

    [Fact]
    public void MaxAttempts_Zero_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new DeliveryOptions { MaxAttempts = 0 });

        Assert.Equal("Delivery:MaxAttempts: '0' is out of range; expected between 1 and 1000, e.g. 10", result.FailureMessage);
    }

    [Fact]
    public void PollInterval_TooShort_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new DeliveryOptions { PollInterval = TimeSpan.Zero });

        Assert.Equal("Delivery:PollInterval: '00:00:00' is out of range; expected between 00:00:01 and 01:00:00, e.g. 00:00:30", result.FailureMessage);
    }
}
