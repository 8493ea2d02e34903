using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

internal sealed record JsonIdentifyProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);
