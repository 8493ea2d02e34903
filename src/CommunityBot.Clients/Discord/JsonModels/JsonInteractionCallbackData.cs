namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The message (or choices) of an interaction response.</summary>
// Message, autocomplete and modal callback data in one record; unset fields are not written.
public sealed record JsonInteractionCallbackData
{
    public bool? Tts { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }
    public JsonAllowedMentions? AllowedMentions { get; init; }
    public int? Flags { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public IReadOnlyList<JsonApplicationCommandOptionChoice>? Choices { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }
}
