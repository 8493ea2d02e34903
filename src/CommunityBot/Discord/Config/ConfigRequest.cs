using System.Globalization;
using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Discord.Config;

/// <summary>One /config subcommand from a member of a server, with its options read by name.</summary>
public sealed record ConfigRequest(JsonInteraction Interaction, ulong GuildId, IReadOnlyList<JsonInteractionDataOption> Options)
{
    public string? Text(string name) =>
        Options.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.String } value
        && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    public bool? Flag(string name) =>
        Options.FirstOrDefault(o => o.Name == name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>Channel and role options carry the snowflake as a string.</summary>
    public ulong? Snowflake(string name) =>
        ulong.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The role an option names, as Discord resolved it in the interaction.</summary>
    public JsonRole? Role(string name) =>
        Snowflake(name) is { } id && Interaction.Data?.Resolved?.Roles?.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var role) == true ? role : null;
}
