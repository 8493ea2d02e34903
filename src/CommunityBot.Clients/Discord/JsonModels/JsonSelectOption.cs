namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An option of a select menu.</summary>
public sealed record JsonSelectOption
{
    public required string Label { get; init; }
    public required string Value { get; init; }
    public string? Description { get; init; }
    public JsonEmoji? Emoji { get; init; }
    public bool? Default { get; init; }
}
