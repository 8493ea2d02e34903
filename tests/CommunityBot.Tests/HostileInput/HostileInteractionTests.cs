using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Clients.Discord;
using CommunityBot.Tests.Discord;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.HostileInput;

/// <summary>
/// Interactions nobody should send, built from the documented example payloads: each gets one clear reply (ephemeral when it
/// is a refusal) or, when it cannot even be read, is left to the dispatcher's logged skip. Nothing escapes the handler.
/// </summary>
public sealed class HostileInteractionTests
{
    private const int Ephemeral = 64;
    private static readonly int[] ReplyTypes = [4, 7, 8];
    private static readonly string Huge = new('x', 100 * 1024);

    public static TheoryData<string, string> Refused => new()
    {
        { "missing essay", Command("essay") },
        { "missing essay for references", Command("references") },
        { "missing essay for resources", Command("resources") },
        { "missing text for search", Command("search") },
        { "no options array at all", Edit("interaction-chat-input.json", d => { d["name"] = "essay"; d.AsObject().Remove("options"); }) },
        { "oversized essay", Command("essay", ("essay", Huge)) },
        { "oversized quote author", Command("quote", ("author", Huge)) },
        { "essay as a bool", Command("essay", ("essay", true)) },
        { "essay as a number", Command("essay", ("essay", 12345678901234567890.5)) },
        { "essay as a nested object", Command("essay", ("essay", new JsonObject { ["a"] = new JsonArray(1, 2, new JsonObject()) })) },
        { "essay as null", Command("essay", ("essay", null)) },
        { "page as text", Command("essays", ("page", "many")) },
        { "unknown command", Command("rm-rf") },
        { "empty command name", Command("") },
        { "huge command name", Command(Huge) },
        { "unknown button", Edit("interaction-button.json", d => d["custom_id"] = "launch:missiles") },
        { "empty button id", Edit("interaction-button.json", d => d["custom_id"] = "") },
        { "page button past the end", Edit("interaction-button.json", d => d["custom_id"] = "essays:page:99999999999999999999") },
        { "page button not a number", Edit("interaction-button.json", d => d["custom_id"] = "essays:page:" + Huge) },
        { "command without data", Edit("interaction-chat-input.json", null) },
        { "button without data", Edit("interaction-button.json", null) },
        { "unknown interaction type", Edit("interaction-chat-input.json", d => { }, type: 99) },
    };

    public static TheoryData<string, string> Answered => new()
    {
        { "oversized search", Command("search", ("text", Huge)) },
        { "oversized quote text", Command("quote", ("text", Huge)) },
        { "quote author as a number", Command("quote", ("author", 42)) },
        { "autocomplete without data", Edit("interaction-autocomplete.json", null) },
        { "autocomplete typed 100 KB", Edit("interaction-autocomplete.json", d => d["options"]![0]!["value"] = Huge) },
        { "autocomplete typed a nested object", Edit("interaction-autocomplete.json", d => d["options"]![0]!["value"] = new JsonObject { ["x"] = 1 }) },
    };

    public static TheoryData<string, string> Unreadable => new()
    {
        { "options is a string", Edit("interaction-chat-input.json", d => d["options"] = "essay") },
        { "option without a name", Edit("interaction-chat-input.json", d => d["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["value"] = "x" })) },
        { "id is not a snowflake", Edit("interaction-chat-input.json", d => { }, id: "not-a-number") },
        { "data is an array", Edit("interaction-chat-input.json", d => { }, data: new JsonArray(1)) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_GetsOneEphemeralReply_AndNoErrorIsLogged(string name, string json)
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = await ReplyAsync(harness, json, name);

        Assert.Equal(Ephemeral, data.GetProperty("flags").GetInt32() & Ephemeral);
        Assert.False(string.IsNullOrWhiteSpace(data.GetProperty("content").GetString()), name);
    }

    [Theory]
    [MemberData(nameof(Answered))]
    public async Task Odd_ButAnswerable_GetsOneReply_AndNoErrorIsLogged(string name, string json)
    {
        await using var harness = await InteractionHarness.StartAsync();

        var data = await ReplyAsync(harness, json, name);

        Assert.NotEqual(JsonValueKind.Undefined, data.ValueKind);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Unreadable_FailsToDeserialize_WhichTheDispatcherLogsAndSkips(string name, string json)
    {
        // DiscordService catches exactly JsonException and logs "An interaction could not be read" (see DiscordEndToEndTests).
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, DiscordJsonContext.Default.JsonInteraction));
        Assert.NotEmpty(name);
    }

    private static async Task<JsonElement> ReplyAsync(InteractionHarness harness, string json, string name)
    {
        var interaction = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.JsonInteraction)!;

        var request = Assert.Single(await harness.HandleAsync(interaction));

        Assert.EndsWith($"/interactions/{interaction.Id}/{interaction.Token}/callback", request.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Level >= LogLevel.Error);
        var body = Interactions.Body(request);
        Assert.Contains(body.GetProperty("type").GetInt32(), ReplyTypes);
        var data = body.GetProperty("data");
        if (data.TryGetProperty("content", out var content))
        {
            Assert.InRange(content.GetString()!.Length, 0, 2000);
        }
        Assert.True(request.Body.Length < 16 * 1024, $"{name}: a {request.Body.Length}-byte reply echoes the input back");
        return data;
    }

    private static string Command(string name, params (string Name, JsonNode? Value)[] options) =>
        Edit("interaction-chat-input.json", d =>
        {
            d["name"] = name;
            d["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["type"] = 3, ["name"] = o.Name, ["value"] = o.Value })]);
        });

    private static string Edit(string fixture, Action<JsonNode>? editData, int? type = null, string? id = null, JsonNode? data = null)
    {
        var interaction = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-rest", fixture)))!;
        if (editData is null)
        {
            interaction.AsObject().Remove("data");
        }
        else
        {
            editData(interaction["data"]!);
        }
        if (type is { } t)
        {
            interaction["type"] = t;
        }
        if (id is not null)
        {
            interaction["id"] = id;
        }
        if (data is not null)
        {
            interaction["data"] = data;
        }
        return interaction.ToJsonString();
    }
}
