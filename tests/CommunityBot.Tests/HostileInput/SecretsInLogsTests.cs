using CommunityBot.Mastodon;
using CommunityBot.Scheduling;
using CommunityBot.Storage;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.HostileInput;

public sealed class SecretsInLogsTests
{
    private static readonly string QuoteInteraction =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-bot", "interaction-create-quote.json"));

    [Fact]
    public async Task AFullRunAtTrace_WithFailures_NeverLogsTheBotTokenTheAccessTokenOrAnInteractionToken()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        await using var mastodon = await FakeMastodonServer.StartAsync(TimeProvider.System);
        var settings = new Dictionary<string, string?>
        {
            ["Mastodon:Accounts:0:Name"] = "main",
            ["Mastodon:Accounts:0:Instance"] = mastodon.BaseUri.ToString(),
            ["Mastodon:Accounts:0:AccessToken"] = FakeMastodonServer.AccessToken,
        };
        // The first callback fails, so error paths (with their exceptions and request details) are logged too.
        var failedOnce = 0;
        discord.Respond = request => request.Path.EndsWith("/callback", StringComparison.Ordinal) && Interlocked.Exchange(ref failedOnce, 1) == 0
            ? FakeDiscordRestResponse.Error(401, 0, "401: Unauthorized")
            : discord.DefaultResponse(request);
        var bot = await DiscordBotHost.StartAsync(discord, settings, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddMastodon();
        });
        try
        {
            var (connection, identify) = await discord.Gateway.NextHandshakeAsync();
            Assert.Equal(2, identify.Op);
            await connection.SendReadyAsync(discord.Gateway.ResumeUrl);
            await connection.SendAsync(QuoteInteraction);
            await connection.SendAsync(QuoteInteraction.Replace("\"s\": 2", "\"s\": 3", StringComparison.Ordinal));
            await WaitForCallbacksAsync(discord, 2);

            // A drop: the bot resumes, sending the token again.
            connection.Drop();
            var (resumed, resume) = await discord.Gateway.NextHandshakeAsync();
            Assert.Equal(6, resume.Op);
            await resumed.SendAsync(FakeDiscordGatewayConnection.Fixture("resumed.json"));

            var poster = bot.Host.Services.GetRequiredService<EpigraphPoster>();
            await poster.PostAsync("discord:1:10", "secrets:discord", CancellationToken.None);
            await poster.PostAsync("mastodon:main", "secrets:mastodon", CancellationToken.None);
            var outbox = bot.Host.Services.GetRequiredService<OutboxRepository>();
            await WaitUntilAsync(async () => (await outbox.AllAsync()).All(r => r.Status == OutboxStatus.Delivered));
        }
        finally
        {
            await bot.DisposeAsync();
        }

        var lines = bot.Logger.Entries;
        Assert.Contains(lines, e => e.Level <= LogLevel.Debug);
        Assert.Contains(lines, e => e.Level >= LogLevel.Warning);
        Assert.Contains(lines, e => e.Text.Contains("Delivered epigraph to mastodon:main", StringComparison.Ordinal));
        string[] secrets = [DiscordBotHost.Token, FakeMastodonServer.AccessToken, Interactions.Token];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, e => e.Text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task WaitForCallbacksAsync(FakeDiscord discord, int count) =>
        await WaitUntilAsync(() => Task.FromResult(discord.Rest.Requests.Count(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)) >= count));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(FakeDiscord.Timeout);
        while (!await condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
