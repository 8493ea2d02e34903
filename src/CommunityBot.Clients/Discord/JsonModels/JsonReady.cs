using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

// Only what resuming needs; the bot reads anything else from the READY dispatch itself.
internal sealed record JsonReady(
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("resume_gateway_url")] string ResumeGatewayUrl);
