using System.Text.Json.Nodes;
using CommunityBot.Discord;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Discord;

public sealed class DiscordEndToEndTests
{
    private static readonly string QuoteInteraction =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-bot", "interaction-create-quote.json"));

    [Fact]
    public async Task QuoteCommand_IdentifyReadyInteraction_IsAnsweredThroughTheCallback()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        await using var bot = await DiscordBotHost.StartAsync(discord);

        var (connection, identify) = await discord.Gateway.NextHandshakeAsync();
        Assert.Equal(2, identify.Op);
        Assert.Equal(DiscordBotHost.Token, identify.Data.GetProperty("token").GetString());
        await connection.SendReadyAsync(discord.Gateway.ResumeUrl);
        await connection.SendAsync(QuoteInteraction);

        var callback = await discord.NextCallbackAsync();
        Assert.Equal("/api/v10/interactions/786008729715212338/A_UNIQUE_TOKEN/callback", callback.Path);
        Assert.Equal("Bot " + DiscordBotHost.Token, callback.Headers["Authorization"]);
        var body = Interactions.Body(callback);
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        var data = body.GetProperty("data");
        var embed = Assert.Single(data.GetProperty("embeds").EnumerateArray());
        Assert.Contains("Albert Camus", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        var mentions = data.GetProperty("allowed_mentions");
        Assert.Equal("{\"parse\":[]}", mentions.GetRawText());
        // READY came first on the same loop, so start-up's one compaction was done before the interaction was read.
        Assert.True(bot.Host.Services.GetRequiredService<StartupCompaction>().Compacted);
    }

    [Fact]
    public async Task UnreadableInteraction_IsSkipped_AndTheNextOneAnswered()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        await using var bot = await DiscordBotHost.StartAsync(discord);
        var (connection, _) = await discord.Gateway.NextHandshakeAsync();
        await connection.SendReadyAsync(discord.Gateway.ResumeUrl);

        var withoutToken = JsonNode.Parse(QuoteInteraction)!;
        withoutToken["d"]!.AsObject().Remove("token");
        await connection.SendAsync(withoutToken);
        var next = JsonNode.Parse(QuoteInteraction)!;
        next["s"] = 3;
        await connection.SendAsync(next);

        await discord.NextCallbackAsync();
        Assert.Single(discord.Rest.Requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        await bot.Logger.WaitForAsync("An interaction could not be read");
    }

    [Fact]
    public async Task FatalClose_StopsDiscordOnly_WithOneCriticalLine()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        await using var bot = await DiscordBotHost.StartAsync(discord);
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

        var (connection, _) = await discord.Gateway.NextHandshakeAsync();
        await connection.CloseAsync(4004);
        await bot.Logger.WaitForAsync("Discord stopped for good (close code 4004)");

        var critical = Assert.Single(bot.Logger.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("4004", critical.Text, StringComparison.Ordinal);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(1, discord.Gateway.ConnectionCount);
    }
}
