using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

internal sealed record JsonResume(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("seq")] long? Seq);
