using CommunityBot.Configuration;
using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Discord;
using CommunityBot.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    private static IReadOnlyList<string> ProblemsOf(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddSection<DeliveryOptions, DeliveryOptionsValidator>(DeliveryOptions.Section, (section, options) => section.Bind(options));
        services.AddSection<ScheduleOptions, ScheduleOptionsValidator>(ScheduleOptions.Section, (section, options) => section.Bind(options));
        services.AddSection<DiscordBotOptions, DiscordBotOptionsValidator>(DiscordBotOptions.Section, (section, options) => section.Bind(options));
        services.AddSection<ContentOptions, ContentOptionsValidator>(ContentOptions.Section, (section, options) => section.Bind(options));
        using var provider = services.BuildServiceProvider();
        return ConfigurationCheck.Problems(provider);
    }

    [Fact]
    public void Problems_OfAGoodConfiguration_AreNone()
    {
        Assert.Empty(ProblemsOf(new() { ["Delivery:PollInterval"] = "00:00:10", ["Schedule:Epigraph:Cron"] = "*/5 * * * *" }));
    }

    [Fact]
    public void Problems_AValueOfTheWrongFormat_NamesKeyValueAndTheExpectedForm()
    {
        var problem = Assert.Single(ProblemsOf(new() { ["Delivery:PollInterval"] = "banana" }));

        Assert.Equal("Delivery:PollInterval: 'banana' is not a duration; expected [d.]hh:mm:ss, e.g. 00:00:30", problem);
    }

    [Fact]
    public void Problems_ANullableIdOfTheWrongFormat_IsReadAsTheIdItIs()
    {
        var problem = Assert.Single(ProblemsOf(new() { ["Discord:CommandGuildId"] = "my-server" }));

        Assert.StartsWith("Discord:CommandGuildId: 'my-server' is not an id", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_OfSeveralSections_AreAllReported_EachOnce()
    {
        var problems = ProblemsOf(new()
        {
            ["Delivery:PollInterval"] = "banana",
            ["Schedule:Epigraph:Cron"] = "bogus",
            ["Schedule:Epigraph:TimeZone"] = "Mars/Olympus",
            ["Discord:Token"] = "abc",
        });

        Assert.Equal(4, problems.Count);
        Assert.Equal(problems.Count, problems.Distinct().Count());
        Assert.Contains("Schedule:Epigraph:TimeZone: 'Mars/Olympus' is not a time zone; expected an IANA name such as Europe/Berlin or America/New_York", problems);
        Assert.Contains(problems, p => p.StartsWith("Schedule:Epigraph:Cron: 'bogus' is not a cron expression", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Discord:ApplicationId is required when Discord:Token is set", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_AValueACheckCannotLookAt_IsStillOneLineNamingTheSection()
    {
        // A NUL cannot come through the command line or the environment, but it can through appsettings.json.
        var problem = Assert.Single(ProblemsOf(new() { ["Content:Path"] = "data/\0essays" }));

        Assert.StartsWith("Content: a value cannot be used: ", problem, StringComparison.Ordinal);
    }
}
