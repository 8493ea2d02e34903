using System.Net;
using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Clients.Discord.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private DiscordRestHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AnyRequest_SendsBotAuthorizationAndDiscordUserAgent()
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.Json("""{"id": "80351110224678912", "username": "Nelly"}"""));

        var user = await _harness.Client.GetCurrentUserAsync().WaitAsync(s_timeout);

        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v10/users/@me", request.Path);
        Assert.Equal("Bot test-token", request.Headers["Authorization"]);
        Assert.Matches(@"^DiscordBot \(https://github\.com/communitybot, \d+\.\d+\.\d+\)$", request.Headers["User-Agent"]);
        Assert.Equal(80351110224678912UL, user.Id);
    }

    [Fact]
    public async Task CreateMessageAsync_SerializesNonceEnforceNonceAndAllowedMentionsAsDiscordExpects()
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.Fixture("message.json"));
        var message = new JsonMessageCreate
        {
            Content = "An epigraph",
            Nonce = "epigraph-7f3a",
            EnforceNonce = true,
            AllowedMentions = new JsonAllowedMentions { Parse = [AllowedMentionTypes.Users], Roles = [41771983423143936UL] },
            Embeds = [new JsonEmbed { Title = "Expansive solidarity", Color = 0x5865F2, Footer = new JsonEmbedFooter { Text = "The Rights Studio" } }],
        };

        var created = await _harness.Client.CreateMessageAsync(290926798999357250, message).WaitAsync(s_timeout);

        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v10/channels/290926798999357250/messages", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("epigraph-7f3a", root.GetProperty("nonce").GetString());
        Assert.True(root.GetProperty("enforce_nonce").GetBoolean());
        Assert.Equal("""{"parse":["users"],"roles":["41771983423143936"]}""", root.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal(0x5865F2, root.GetProperty("embeds")[0].GetProperty("color").GetInt32());
        Assert.False(root.TryGetProperty("tts", out _), "unset fields must not be sent as null");
        Assert.Equal("epigraph-7f3a", created.Nonce?.GetString());
        Assert.Equal(334385199974967042UL, created.Id);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_PostsToCallbackWithEmptyParseSuppressingMentions()
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.NoContent());
        var response = new JsonInteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new JsonInteractionCallbackData { Content = "hi @everyone", Flags = MessageFlags.Ephemeral, AllowedMentions = JsonAllowedMentions.None },
        };

        await _harness.Client.CreateInteractionResponseAsync(786008729715212338, "A_UNIQUE_TOKEN", response).WaitAsync(s_timeout);

        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("/api/v10/interactions/786008729715212338/A_UNIQUE_TOKEN/callback", request.Path);
        Assert.Equal("""{"type":4,"data":{"content":"hi @everyone","allowed_mentions":{"parse":[]},"flags":64}}""", request.Body);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_TokenWithPathCharacters_IsRefusedBeforeSending()
    {
        var response = new JsonInteractionResponse { Type = InteractionCallbackType.Pong };

        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.CreateInteractionResponseAsync(1, "../../users/@me", response));

        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task InteractionFollowups_UseTheWebhookRoutes()
    {
        _harness.Server.Default = _ => FakeDiscordRestResponse.Fixture("message.json");
        var message = new JsonMessageCreate { Content = "done" };

        await _harness.Client.EditOriginalInteractionResponseAsync(775799577604522054, "tok", message).WaitAsync(s_timeout);
        await _harness.Client.CreateFollowupMessageAsync(775799577604522054, "tok", message).WaitAsync(s_timeout);

        Assert.Equal(
            ["PATCH /api/v10/webhooks/775799577604522054/tok/messages/@original", "POST /api/v10/webhooks/775799577604522054/tok"],
            _harness.Server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task BulkOverwriteGuildCommandsAsync_PutsCommandsWithPermissionsAsString()
    {
        _harness.Server.Default = request => FakeDiscordRestResponse.Json(request.Body);
        var commands = new[]
        {
            new JsonApplicationCommand
            {
                Name = "config",
                Description = "Configure the bot",
                DefaultMemberPermissions = "32",
                Contexts = [0],
                Options =
                [
                    new JsonApplicationCommandOption
                    {
                        Type = JsonApplicationCommandOption.StringType, Name = "mode", Description = "Mode",
                        Choices = [JsonApplicationCommandOptionChoice.Create("Daily", "daily"), JsonApplicationCommandOptionChoice.Create("Count", 3)],
                    },
                ],
            },
        };

        var echoed = await _harness.Client.BulkOverwriteGuildCommandsAsync(775799577604522054, 290926798626357999, commands).WaitAsync(s_timeout);

        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("PUT /api/v10/applications/775799577604522054/guilds/290926798626357999/commands", $"{request.Method} {request.Path}");
        Assert.Equal(
            """[{"name":"config","description":"Configure the bot","options":[{"type":3,"name":"mode","description":"Mode","choices":[{"name":"Daily","value":"daily"},{"name":"Count","value":3}]}],"default_member_permissions":"32","contexts":[0]}]""",
            request.Body);
        Assert.Equal("32", Assert.Single(echoed).DefaultMemberPermissions);
    }

    [Fact]
    public async Task ReadEndpoints_DeserializeDocumentedShapes()
    {
        _harness.Server.Enqueue(
            FakeDiscordRestResponse.Fixture("channel.json"),
            FakeDiscordRestResponse.Fixture("guild-member.json"),
            FakeDiscordRestResponse.Json("""[{"id": "41771983423143936", "name": "Moderators", "permissions": "32", "position": 2}]"""));

        var channel = await _harness.Client.GetChannelAsync(41771983423143937).WaitAsync(s_timeout);
        var member = await _harness.Client.GetGuildMemberAsync(41771983423143937, 80351110224678912).WaitAsync(s_timeout);
        var roles = await _harness.Client.GetGuildRolesAsync(41771983423143937).WaitAsync(s_timeout);

        Assert.Equal("2048", Assert.Single(channel.PermissionOverwrites!).Deny);
        Assert.Equal(399942396007890945UL, channel.ParentId);
        Assert.Equal([41771983423143936UL], member.Roles);
        Assert.Equal("32", Assert.Single(roles).Permissions);
        Assert.Equal("/api/v10/guilds/41771983423143937/members/80351110224678912", _harness.Server.Requests[1].Path);
    }

    [Theory]
    [InlineData(403, DiscordErrorCodes.MissingAccess, "Missing Access")]
    [InlineData(404, DiscordErrorCodes.UnknownChannel, "Unknown Channel")]
    public async Task ErrorResponse_SurfacesDiscordCodeAndMessageWithoutRetrying(int status, int code, string message)
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.Error(status, code, message));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => _harness.Client.GetChannelAsync(1).WaitAsync(s_timeout));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.DiscordMessage);
        Assert.Single(_harness.Server.Requests);
    }

    [Fact]
    public async Task InvalidFormBody_SurfacesFieldErrors()
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.Fixture("error-invalid-form-body.json", status: 400));

        var error = await Assert.ThrowsAsync<DiscordRestException>(
            () => _harness.Client.CreateMessageAsync(1, new JsonMessageCreate { Content = "x" }).WaitAsync(s_timeout));

        Assert.Equal(DiscordErrorCodes.InvalidFormBody, error.Code);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", error.Errors!.Value.GetProperty("content").GetProperty("_errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ErrorWithoutJsonBody_SurfacesStatus()
    {
        _harness.Server.Enqueue(new FakeDiscordRestResponse(400, "<html>bad request</html>"));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => _harness.Client.GetGuildAsync(1).WaitAsync(s_timeout));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(0, error.Code);
    }

    [Fact]
    public async Task GetGatewayBotAsync_ReadsUrlShardsAndSessionStartLimit()
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.Json(
            """{"url": "wss://gateway.discord.gg/", "shards": 9, "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}}"""));

        var gateway = await _harness.Client.GetGatewayBotAsync().WaitAsync(s_timeout);

        Assert.Equal(("wss://gateway.discord.gg/", 9), (gateway.Url, gateway.Shards));
        Assert.Equal((999, 14400000, 1), (gateway.SessionStartLimit.Remaining, gateway.SessionStartLimit.ResetAfter, gateway.SessionStartLimit.MaxConcurrency));
        Assert.Equal("/api/v10/gateway/bot", Assert.Single(_harness.Server.Requests).Path);
    }
}
