using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeJsonConverter)])]
[JsonSerializable(typeof(JsonInteraction))]
[JsonSerializable(typeof(JsonInteractionResponse))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(JsonMessageCreate))]
[JsonSerializable(typeof(JsonApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<JsonApplicationCommand>))]
[JsonSerializable(typeof(JsonChannel))]
[JsonSerializable(typeof(JsonThreadCreate))]
[JsonSerializable(typeof(JsonGuild))]
[JsonSerializable(typeof(IReadOnlyList<JsonRole>))]
[JsonSerializable(typeof(JsonGuildMember))]
[JsonSerializable(typeof(JsonUser))]
[JsonSerializable(typeof(JsonApplication))]
[JsonSerializable(typeof(JsonError))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
