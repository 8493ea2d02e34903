using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

internal sealed record JsonHello(
    [property: JsonPropertyName("heartbeat_interval")] int HeartbeatInterval);
