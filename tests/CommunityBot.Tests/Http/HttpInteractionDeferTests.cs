using System.Net;
using System.Text;
using System.Text.Json;
using CommunityBot.Commands;
using CommunityBot.Http;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CommunityBot.Tests.Http;

public sealed class HttpInteractionDeferTests
{
    [Fact]
    public async Task SlowCommand_OverHttp_IsDeferredInTheResponse_ThenEditsTheOriginal()
    {
        using var release = new ManualResetEventSlim();
        var random = new Mock<IRandomSource>();
        random.Setup(r => r.Pick(It.IsAny<int>())).Returns(() =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return 0;
        });
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        using var signer = new InteractionSigner();
        var url = FreePort.NextUrl();
        await using var bot = await DiscordBotHost.StartAsync(discord, new Dictionary<string, string?>
        {
            ["Http:Urls"] = url.ToString(),
            ["Discord:PublicKey"] = signer.PublicKeyHex,
            ["Discord:Gateway"] = "false",
        }, builder =>
        {
            builder.Services.AddSingleton(random.Object);
            builder.Services.AddHttpListener();
        });
        using var client = new HttpClient { BaseAddress = url };
        var body = Interactions.Json(Interactions.Command("quote", ("author", "camus")));
        var (timestamp, signature) = signer.Sign(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/interactions", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", signature);

        using var response = await client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(10));
        var deferral = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, deferral.GetProperty("type").GetInt32());
        Assert.DoesNotContain(discord.Rest.Requests, r => r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
        release.Set();

        var edit = await discord.NextAsync(r => r.Method == "PATCH" && r.Path.EndsWith($"/webhooks/{DiscordBotHost.ApplicationId}/{Interactions.Token}/messages/@original", StringComparison.Ordinal));
        Assert.Contains("Albert Camus", edit.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Rest.Requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));

        // The edit went out through the instrumented HttpClient, and the interaction counts as deferred.
        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("http_client_request_duration_seconds_count{", scrape, StringComparison.Ordinal);
        Assert.True(HttpBotProcess.Sample(scrape, "communitybot_interactions_total", "command=\"quote\"", "outcome=\"deferred\"") >= 1, scrape);
    }
}
