using System.Text.Json.Serialization;

namespace CommunityBot.Http;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JsonReadiness))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
