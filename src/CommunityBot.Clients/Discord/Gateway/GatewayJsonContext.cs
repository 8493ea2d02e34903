using System.Text.Json.Serialization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Gateway;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonGatewayBot))]
[JsonSerializable(typeof(JsonHello))]
[JsonSerializable(typeof(JsonReady))]
[JsonSerializable(typeof(JsonGatewayCommand<JsonIdentify>))]
[JsonSerializable(typeof(JsonGatewayCommand<JsonResume>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
