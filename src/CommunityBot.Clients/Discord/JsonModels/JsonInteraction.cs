namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An interaction: a slash command, a component, autocomplete or a modal.</summary>
public sealed record JsonInteraction
{
    public required ulong Id { get; init; }
    public required ulong ApplicationId { get; init; }
    public required InteractionType Type { get; init; }
    public JsonInteractionData? Data { get; init; }
    public ulong? GuildId { get; init; }
    public JsonChannel? Channel { get; init; }
    public ulong? ChannelId { get; init; }

    // Set in guilds; `User` is set in DMs instead.
    public JsonGuildMember? Member { get; init; }
    public JsonUser? User { get; init; }
    public required string Token { get; init; }
    public int Version { get; init; }
    public JsonMessage? Message { get; init; }
    public string? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public int? Context { get; init; }
}
