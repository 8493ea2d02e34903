using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Clients.Discord;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Discord;

/// <summary>Interactions made from the documented example payloads, with our command's data put in.</summary>
public static class Interactions
{
    public const string Token = "A_UNIQUE_TOKEN";

    public static JsonInteraction Command(string name, params (string Name, JsonNode? Value)[] options) =>
        From("interaction-chat-input.json", data =>
        {
            data["name"] = name;
            data["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["type"] = o.Value?.GetValueKind() == JsonValueKind.Number ? 4 : 3,
                ["name"] = o.Name,
                ["value"] = o.Value,
            })]);
        });

    public static JsonInteraction Autocomplete(string name, string option, string typed) =>
        From("interaction-autocomplete.json", data =>
        {
            data["name"] = name;
            data["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = option, ["value"] = typed, ["focused"] = true });
        });

    public static JsonInteraction Button(string customId) =>
        From("interaction-button.json", data => data["custom_id"] = customId);

    /// <summary>An interaction as Discord POSTs it to an HTTP interactions endpoint.</summary>
    public static string Json(JsonInteraction interaction) => JsonSerializer.Serialize(interaction, DiscordJsonContext.Default.JsonInteraction);

    /// <summary>The JSON body of a recorded request.</summary>
    public static JsonElement Body(FakeDiscordRestRequest request) => JsonDocument.Parse(request.Body).RootElement;

    private static JsonInteraction From(string fixture, Action<JsonNode> editData)
    {
        var interaction = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-rest", fixture)))!;
        editData(interaction["data"]!);
        return interaction.Deserialize(DiscordJsonContext.Default.JsonInteraction)!;
    }
}
