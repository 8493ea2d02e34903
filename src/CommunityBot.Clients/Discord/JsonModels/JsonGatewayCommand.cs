using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A payload the client sends: <c>{"op": …, "d": …}</c>.</summary>
internal sealed record JsonGatewayCommand<TData>(
    [property: JsonPropertyName("op")] int Op,
    [property: JsonPropertyName("d")] TData D);
