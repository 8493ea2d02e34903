using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The body of <c>GET /gateway/bot</c>.</summary>
public sealed record JsonGatewayBot(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("shards")] int Shards,
    [property: JsonPropertyName("session_start_limit")] JsonSessionStartLimit SessionStartLimit);
