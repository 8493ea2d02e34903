using System.Text.Json;

namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An option of a slash command as the user filled it in.</summary>
public sealed record JsonInteractionDataOption
{
    public required string Name { get; init; }
    public required int Type { get; init; }

    // A string, integer, double or boolean depending on Type; absent for subcommands and groups.
    public JsonElement? Value { get; init; }

    // Set for subcommands and groups instead of Value.
    public IReadOnlyList<JsonInteractionDataOption>? Options { get; init; }

    // Autocomplete marks the option being typed.
    public bool? Focused { get; init; }
}
