using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Clients.Discord.Rest;

public sealed class DiscordRestOptionsValidatorTests
{
    [Theory]
    [InlineData("https://discord.com/api/v10")]
    [InlineData("http://127.0.0.1:5005/api/v10")]
    [InlineData("http://localhost:5005/api/v10")]
    [InlineData("http://[::1]:5005/api/v10")]
    public void Validate_HttpsOrLoopbackHttp_Succeeds(string url)
    {
        var result = new DiscordRestOptionsValidator().Validate(null, new DiscordRestOptions { Token = "t", ApiBaseUrl = new Uri(url) });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://discord.com/api/v10")]
    [InlineData("http://10.0.0.5/api/v10")]
    [InlineData("ftp://127.0.0.1/api")]
    public void Validate_PlainHttpToANonLoopbackHost_FailsNamingTheOption(string url)
    {
        var result = new DiscordRestOptionsValidator().Validate(null, new DiscordRestOptions { Token = "t", ApiBaseUrl = new Uri(url) });

        Assert.True(result.Failed);
        Assert.StartsWith("ApiBaseUrl: ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingToken_FailsNamingTheOption()
    {
        var result = new DiscordRestOptionsValidator().Validate(null, new DiscordRestOptions());

        Assert.StartsWith("Token is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordRest_ValidatesTheOptionsItIsGiven()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordRest(options =>
        {
            options.Token = "t";
            options.ApiBaseUrl = new Uri("http://discord.example/api/v10");
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value);

        Assert.Contains("ApiBaseUrl: 'http://discord.example/api/v10' uses plain http://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordRest_ReadsNoConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "from-config" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddDiscordRest(options => options.ApiBaseUrl = new Uri("http://127.0.0.1:1/api/v10"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordRestOptions>>().Value);

        Assert.Contains("Token is required", error.Message, StringComparison.Ordinal);
    }
}
