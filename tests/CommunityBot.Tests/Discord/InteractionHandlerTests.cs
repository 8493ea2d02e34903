using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Discord;

public sealed class InteractionHandlerTests
{
    private const int Ephemeral = 64;

    [Fact]
    public async Task QuoteWithMentions_AllowsNoMentions()
    {
        using var folder = new TempEssayFolder();
        folder.Write("mentions.md", TempEssayFolder.Essay("Mentions", "Hear this @everyone and <@&123> and <@456>", "Someone Loud"));
        await using var harness = await InteractionHarness.StartAsync(folder.Path);

        var data = Data(Single(await harness.HandleAsync(Interactions.Command("quote", ("essay", "mentions")))), type: 4);

        Assert.True(data.TryGetProperty("embeds", out _), data.GetRawText());
        Assert.Contains(@"@everyone and \<@&123\>", data.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"parse\":[]}", data.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Autocomplete_Essay_SuggestsTheSlug()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Autocomplete("essay", "essay", "expans"))), type: 8);

        var choice = Assert.Single(data.GetProperty("choices").EnumerateArray());
        Assert.Equal("Expansive Solidarity", choice.GetProperty("name").GetString());
        Assert.Equal("expansive-solidarity", choice.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Autocomplete_Author_SuggestsTheName()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Autocomplete("quote", "author", "cesa"))), type: 8);

        var choice = Assert.Single(data.GetProperty("choices").EnumerateArray());
        Assert.Equal("Aimé Césaire", choice.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Autocomplete_ManyEssays_AtMost25Choices()
    {
        using var folder = new TempEssayFolder();
        for (var i = 1; i <= 40; i++)
            folder.Write($"essay-{i}.md", TempEssayFolder.Essay($"Essay number {i}", author: $"Author {i}"));
        await using var harness = await InteractionHarness.StartAsync(folder.Path);

        var essays = Data(Single(await harness.HandleAsync(Interactions.Autocomplete("essay", "essay", ""))), type: 8);
        var authors = Data(Single(await harness.HandleAsync(Interactions.Autocomplete("quote", "author", "author"))), type: 8);

        Assert.Equal(25, essays.GetProperty("choices").GetArrayLength());
        Assert.Equal(25, authors.GetProperty("choices").GetArrayLength());
    }

    [Fact]
    public async Task NextPageButton_UpdatesTheMessage_ToPage2Of2()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Button("essays:page:2"))), type: 7);

        Assert.StartsWith("Essays · page 2 of 2", data.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        var buttons = data.GetProperty("components")[0].GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["Previous", "Next"], buttons.Select(b => b.GetProperty("label").GetString()));
        Assert.Equal("essays:page:1", buttons[0].GetProperty("custom_id").GetString());
        Assert.False(buttons[0].TryGetProperty("disabled", out var previous) && previous.GetBoolean());
        Assert.True(buttons[1].GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task UnknownButton_IsToldEphemerally()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Button("vote:yes"))), type: 4);

        Assert.Equal(Ephemeral, data.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task UnknownCommand_IsToldEphemerally()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Command("cardsearch", ("cardname", "The Gitrog Monster")))), type: 4);

        Assert.Equal(Ephemeral, data.GetProperty("flags").GetInt32());
        Assert.StartsWith("There is no command", data.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedOption_IsAnswered()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Command("search", ("text", SyntheticEssays.Words(10_000))))), type: 4);

        Assert.True(data.TryGetProperty("embeds", out _) || data.TryGetProperty("content", out _));
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task NumberForAuthor_IsAnswered()
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = Data(Single(await harness.HandleAsync(Interactions.Command("quote", ("author", JsonValue.Create(42))))), type: 4);

        Assert.Equal(Ephemeral, data.GetProperty("flags").GetInt32());
        Assert.Contains("42", data.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackFailing_TriesAnEphemeralError_AndDoesNotThrow()
    {
        await using var harness = await InteractionHarness.StartAsync();
        harness.Server.Default = _ => FakeDiscordRestResponse.Error(500, 0, "500: Internal Server Error");

        var requests = await harness.HandleAsync(Interactions.Command("about"));

        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.EndsWith("/callback", r.Path, StringComparison.Ordinal));
        Assert.Equal(Ephemeral, Data(requests[1], type: 4).GetProperty("flags").GetInt32());
        await harness.Logger.WaitForAsync("Could not tell the user");
    }

    [Fact]
    public async Task HandlerThrowing_IsLogged_AndDoesNotEscape()
    {
        await using var harness = await InteractionHarness.StartAsync();

        // The REST client refuses a token that cannot go in a URL before anything is sent, for the answer and the error alike.
        var requests = await harness.HandleAsync(Interactions.Command("about") with { Token = "not/a/token" });

        Assert.Empty(requests);
        await harness.Logger.WaitForAsync("Interaction about failed");
        await harness.Logger.WaitForAsync("Could not tell the user");
    }

    private static FakeDiscordRestRequest Single(IReadOnlyList<FakeDiscordRestRequest> requests)
    {
        var request = Assert.Single(requests);
        Assert.Equal("POST", request.Method);
        Assert.EndsWith($"/{Interactions.Token}/callback", request.Path, StringComparison.Ordinal);
        return request;
    }

    private static JsonElement Data(FakeDiscordRestRequest request, int type)
    {
        var body = Interactions.Body(request);
        Assert.Equal(type, body.GetProperty("type").GetInt32());
        return body.GetProperty("data");
    }
}
