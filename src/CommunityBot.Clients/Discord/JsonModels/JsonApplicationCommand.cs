namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>A slash command, as registered.</summary>
public sealed record JsonApplicationCommand
{
    public const int ChatInputType = 1;
    public const int UserType = 2;
    public const int MessageType = 3;

    // Null when creating; Discord fills these in.
    public ulong? Id { get; init; }
    public ulong? ApplicationId { get; init; }
    public ulong? GuildId { get; init; }
    public ulong? Version { get; init; }

    public int? Type { get; init; }
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    // Empty for USER and MESSAGE commands.
    public string Description { get; init; } = "";
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public IReadOnlyList<JsonApplicationCommandOption>? Options { get; init; }

    // A permission bitset as a string: the docs say string where the OpenAPI spec says integer.
    public string? DefaultMemberPermissions { get; init; }
    public bool? Nsfw { get; init; }
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
    public IReadOnlyList<int>? Contexts { get; init; }
}
