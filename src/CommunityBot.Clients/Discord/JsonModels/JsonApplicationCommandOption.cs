namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An option of a slash command, as registered.</summary>
public sealed record JsonApplicationCommandOption
{
    public const int SubCommandType = 1;
    public const int SubCommandGroupType = 2;
    public const int StringType = 3;
    public const int IntegerType = 4;
    public const int BooleanType = 5;
    public const int UserType = 6;
    public const int ChannelType = 7;
    public const int RoleType = 8;
    public const int MentionableType = 9;
    public const int NumberType = 10;

    public required int Type { get; init; }
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    public required string Description { get; init; }
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public bool? Required { get; init; }
    public IReadOnlyList<JsonApplicationCommandOptionChoice>? Choices { get; init; }
    public IReadOnlyList<JsonApplicationCommandOption>? Options { get; init; }
    public IReadOnlyList<int>? ChannelTypes { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }

    // Discord refuses autocomplete together with choices.
    public bool? Autocomplete { get; init; }
}
