namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A message component: an action row, a button, a select menu or a text input.</summary>
// One shape for action rows, buttons, select menus and text inputs; Discord tells them apart by `type`.
public sealed record JsonComponent
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;
    public const int StringSelectType = 3;
    public const int TextInputType = 4;

    public required int Type { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public bool? Disabled { get; init; }
    public string? Url { get; init; }
    public JsonEmoji? Emoji { get; init; }
    public IReadOnlyList<JsonSelectOption>? Options { get; init; }
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }

    // Text inputs in a modal submit carry their value here.
    public string? Value { get; init; }
}
