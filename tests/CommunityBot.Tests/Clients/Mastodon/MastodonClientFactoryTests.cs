using CommunityBot.Clients.Mastodon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Clients.Mastodon;

public sealed class MastodonClientFactoryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddMastodon().BuildServiceProvider();

    private IMastodonClientFactory Factory => _services.GetRequiredService<IMastodonClientFactory>();

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData("http://social.example")]
    [InlineData("http://10.0.0.5:3000")]
    public void Create_PlainHttpToANonLoopbackHost_IsRefusedNamingAccountAndKey(string instance)
    {
        var exception = Assert.Throws<ArgumentException>(() => Factory.Create("announcements", instance, "token"));

        Assert.Contains("'announcements'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Instance", exception.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("social.example")]
    [InlineData("ftp://social.example")]
    [InlineData("")]
    public void Create_NotAnHttpsUrl_IsRefused(string instance)
    {
        var exception = Assert.Throws<ArgumentException>(() => Factory.Create("main", instance, "token"));

        Assert.Contains("'main'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Instance", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://social.example", "https://social.example/")]
    [InlineData("https://social.example/mastodon", "https://social.example/mastodon/")]
    [InlineData("http://localhost:3000", "http://localhost:3000/")]
    [InlineData("http://127.0.0.1:3000/", "http://127.0.0.1:3000/")]
    [InlineData("http://[::1]:3000", "http://[::1]:3000/")]
    public void Create_HttpsOrLoopbackHttp_IsAccepted(string instance, string expectedBase)
    {
        var client = Factory.Create("main", instance, "token");

        Assert.Equal("main", client.AccountName);
        Assert.Equal(new Uri(expectedBase), client.Instance);
    }

    [Fact]
    public void AddMastodon_InvalidOptions_FailValidation()
    {
        using var services = new ServiceCollection().AddLogging().AddMastodon(o => o.MaxAttempts = 0).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<MastodonClientOptions>>().Value);

        Assert.Contains(nameof(MastodonClientOptions.MaxAttempts), exception.Message, StringComparison.Ordinal);
    }
}
