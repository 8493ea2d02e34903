using System.Text.Json.Serialization;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>How many IDENTIFYs the bot may still send; <see cref="ResetAfter"/> is in milliseconds.</summary>
public sealed record JsonSessionStartLimit(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("remaining")] int Remaining,
    [property: JsonPropertyName("reset_after")] long ResetAfter,
    [property: JsonPropertyName("max_concurrency")] int MaxConcurrency);
