using CommunityBot.Scheduling;

namespace CommunityBot.Tests.Scheduling;

public sealed class ScheduleOptionsValidatorTests
{
    private readonly ScheduleOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid_WithSixHoursOfGraceAndEpigraphsOnly()
    {
        var options = new ScheduleOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromHours(6), options.MisfireGrace);
        Assert.False(options.IncludeBodyQuotes);
    }

    [Fact]
    public void NegativeGrace_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new ScheduleOptions { MisfireGrace = TimeSpan.FromMinutes(-5) });

        Assert.True(result.Failed);
        Assert.Contains("Schedule:MisfireGrace", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void BadZone_FailsNamingTheSection()
    {
        var result = _validator.Validate(null, new ScheduleOptions { Epigraph = new EpigraphScheduleOptions { TimeZone = "Mars/Olympus" } });

        Assert.Equal("Schedule:Epigraph:TimeZone: 'Mars/Olympus' is not a time zone; expected an IANA name such as Europe/Berlin or America/New_York", result.FailureMessage);
    }
}
