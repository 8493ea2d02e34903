using System.Text.Json;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>Discord's JSON error body.</summary>
// Discord's error body; a 429 carries RetryAfter and Global besides code and message.
public sealed record JsonError
{
    public int Code { get; init; }
    public string? Message { get; init; }
    public JsonElement? Errors { get; init; }
    public double? RetryAfter { get; init; }
    public bool? Global { get; init; }
}
