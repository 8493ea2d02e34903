namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The bot's application.</summary>
public sealed record JsonApplication
{
    public required ulong Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool? BotPublic { get; init; }
    public JsonUser? Bot { get; init; }
    public JsonUser? Owner { get; init; }
    public string? VerifyKey { get; init; }
    public long? Flags { get; init; }
    public int? ApproximateGuildCount { get; init; }
}
