using System.Net;
using System.Text.Json;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using Microsoft.Data.Sqlite;

namespace CommunityBot.Tests.Http;

// The listener end to end: the built program on a loopback port, Discord's REST and gateway faked on loopback.
public sealed class HttpListenerTests
{
    private const string Ping = """{"id":"786008729715212338","application_id":"775799577604522054","type":1,"token":"A_UNIQUE_TOKEN","version":1}""";

    [Fact]
    public async Task Readyz_WaitsForTheGatewayReady_AndNamesLockedStorage()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        using var signer = new InteractionSigner();
        await using var bot = await HttpBotProcess.StartAsync(discord, signer);

        using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var (status, body) = await bot.ReadyAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("not_ready").EnumerateArray(), p => p.GetString()!.StartsWith("discord:", StringComparison.Ordinal));

        var (connection, _) = await discord.Gateway.NextHandshakeAsync();
        await connection.SendReadyAsync(discord.Gateway.ResumeUrl);
        await bot.UntilAsync(async () => (await bot.ReadyAsync()).Status == HttpStatusCode.OK, "/readyz answered 200 after READY");

        await using (var locker = new SqliteConnection($"Data Source={bot.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();
            (status, body) = await bot.ReadyAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var problem = Assert.Single(body.GetProperty("not_ready").EnumerateArray()).GetString();
            Assert.StartsWith("storage: not writable", problem, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await bot.ReadyAsync()).Status);
    }

    [Fact]
    public async Task Interactions_OnlySignedOnesRun_AndAreAnsweredInTheResponse()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        using var signer = new InteractionSigner();
        await using var bot = await HttpBotProcess.StartAsync(discord, signer);
        var quote = Interactions.Json(Interactions.Command("quote", ("author", "camus")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostInteractionAsync(quote, null)).Status);
        using (var stranger = new InteractionSigner())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostInteractionAsync(quote, stranger.Sign(quote))).Status);
        }
        var signed = signer.Sign(quote);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostInteractionAsync(quote.Replace("camus", "arendt", StringComparison.Ordinal), signed)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostInteractionAsync(quote, (signed.Timestamp + "1", signed.Signature))).Status);

        var (pingStatus, pong) = await bot.PostInteractionAsync(Ping, signer.Sign(Ping));
        Assert.Equal((HttpStatusCode.OK, """{"type":1}"""), (pingStatus, pong));

        var answer = await SignedAsync(bot, signer, quote);
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Contains("Albert Camus", Assert.Single(answer.GetProperty("data").GetProperty("embeds").EnumerateArray()).GetProperty("description").GetString(), StringComparison.Ordinal);

        var choices = await SignedAsync(bot, signer, Interactions.Json(Interactions.Autocomplete("quote", "author", "cam")));
        Assert.Equal(8, choices.GetProperty("type").GetInt32());
        Assert.Contains(choices.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == "Albert Camus");

        var page = await SignedAsync(bot, signer, Interactions.Json(Interactions.Button("essays:page:1")));
        Assert.Equal(7, page.GetProperty("type").GetInt32());
        Assert.StartsWith("Essays · page 1", Assert.Single(page.GetProperty("data").GetProperty("embeds").EnumerateArray()).GetProperty("title").GetString(), StringComparison.Ordinal);

        // Every answer went back in its HTTP response: none through Discord's callback endpoint.
        Assert.DoesNotContain(discord.Rest.Requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Contains("8001", bot.Output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AreScraped_AndRiseAfterInteractions()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        using var signer = new InteractionSigner();
        await using var bot = await HttpBotProcess.StartAsync(discord, signer);
        var quote = Interactions.Json(Interactions.Command("quote", ("author", "camus")));

        var before = await bot.MetricsAsync();
        await SignedAsync(bot, signer, quote);
        await SignedAsync(bot, signer, quote);
        var after = await bot.MetricsAsync();

        const string Handled = "communitybot_interactions_total";
        string[] answered = ["command=\"quote\"", "outcome=\"answered\""];
        Assert.Equal(HttpBotProcess.Sample(before, Handled, answered) + 2, HttpBotProcess.Sample(after, Handled, answered));
        Assert.Equal(HttpBotProcess.Sample(before, "communitybot_interaction_duration_seconds_count", "command=\"quote\"") + 2,
            HttpBotProcess.Sample(after, "communitybot_interaction_duration_seconds_count", "command=\"quote\""));
        Assert.Contains("communitybot_outbox_pending{", after, StringComparison.Ordinal);
        Assert.Contains("communitybot_outbox_oldest_age_seconds{", after, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total{", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayFalse_OpensNoGatewaySession_AndServesOverHttp()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        using var signer = new InteractionSigner();
        await using var bot = await HttpBotProcess.StartAsync(discord, signer, new Dictionary<string, string> { ["Discord__Gateway"] = "false" });

        await bot.UntilAsync(async () => (await bot.ReadyAsync()).Status == HttpStatusCode.OK, "/readyz answered 200 without a gateway");
        var answer = await SignedAsync(bot, signer, Interactions.Json(Interactions.Command("quote", ("author", "camus"))));
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        await bot.Output.WaitForAsync("8040");

        Assert.Equal(0, discord.Gateway.ConnectionCount);
        Assert.DoesNotContain(discord.Rest.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> SignedAsync(HttpBotProcess bot, InteractionSigner signer, string body)
    {
        var (status, text) = await bot.PostInteractionAsync(body, signer.Sign(body));
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
