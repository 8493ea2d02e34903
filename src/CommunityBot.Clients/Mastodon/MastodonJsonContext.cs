using System.Text.Json.Serialization;
using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Clients.Mastodon;

/// <summary>Source-generated JSON for Mastodon's types: snake_case, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonAccount))]
[JsonSerializable(typeof(JsonStatus))]
[JsonSerializable(typeof(JsonStatusCreate))]
[JsonSerializable(typeof(JsonNotification))]
[JsonSerializable(typeof(IReadOnlyList<JsonNotification>))]
[JsonSerializable(typeof(JsonInstance))]
[JsonSerializable(typeof(JsonMediaAttachment))]
[JsonSerializable(typeof(JsonError))]
[JsonSerializable(typeof(JsonStreamingMessage))]
public sealed partial class MastodonJsonContext : JsonSerializerContext;
