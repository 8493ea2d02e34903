using CommunityBot.Announcements;
using CommunityBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Announcements;

public sealed class AnnouncementOptionsValidatorTests
{
    private static AnnouncementOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddStorage()
            .AddAnnouncements()
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<AnnouncementOptions>>().Value;
    }

    [Fact]
    public void Timeout_Unset_DefaultsToThirtySeconds_AndIsBound()
    {
        var options = Bind(new() { ["Feeds:0:Url"] = "https://example.org/a", ["Feeds:1:Url"] = "https://example.org/b", ["Feeds:1:Timeout"] = "00:00:05" });

        Assert.Equal(TimeSpan.FromSeconds(30), options.Feeds[0].Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Feeds[1].Timeout);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:30:00")]
    public void Timeout_OutOfRange_IsRefused_NamingTheKey(string timeout)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Feeds:0:Url"] = "https://example.org/feed", ["Feeds:0:Timeout"] = timeout }));

        Assert.Contains(exception.Failures, f => f.StartsWith($"Feeds:0:Timeout: '{timeout}' is out of range; expected between 00:00:01 and 00:10:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Feeds_BindWithAFifteenMinuteDefault()
    {
        var options = Bind(new() { ["Feeds:0:Url"] = "https://www.rights-studio.org/journal?format=rss", ["Feeds:1:Url"] = "http://127.0.0.1:8080/feed", ["Feeds:1:PollInterval"] = "00:05:00" });

        Assert.Equal(TimeSpan.FromMinutes(15), options.Feeds[0].PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Feeds[1].PollInterval);
    }

    [Theory]
    [InlineData("journal.rss", "00:15:00", "Feeds:0:Url: 'journal.rss' is not an absolute https:// address")]
    [InlineData("ftp://example.org/feed", "00:15:00", "Feeds:0:Url: 'ftp://example.org/feed' is not an absolute https:// address")]
    [InlineData("http://example.org/feed", "00:15:00", "Feeds:0:Url: 'http://example.org/feed' uses plain http://")]
    [InlineData("https://example.org/feed", "00:00:30", "Feeds:0:PollInterval: '00:00:30' is out of range; expected between 00:01:00")]
    public void BadFeeds_AreRefused_NamingTheKey(string url, string interval, string message)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Feeds:0:Url"] = url, ["Feeds:0:PollInterval"] = interval }));

        Assert.Contains(exception.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AFeedListedTwice_IsRefused()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Feeds:0:Url"] = "https://example.org/feed", ["Feeds:1:Url"] = "https://example.org/feed" }));

        Assert.Contains(exception.Failures, f => f.StartsWith("Feeds:1:Url: 'https://example.org/feed' repeats", StringComparison.Ordinal));
    }
}
