using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

internal sealed record JsonIdentify(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("properties")] JsonIdentifyProperties Properties,
    [property: JsonPropertyName("intents")] int Intents,
    [property: JsonPropertyName("shard")] int[] Shard);
