using System.Text.Json.Serialization;

namespace CommunityBot.Cards;

// Enums as names: a stored row stays readable, and a reordered enum cannot change a queued card.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CardPost))]
internal sealed partial class CardJsonContext : JsonSerializerContext;
