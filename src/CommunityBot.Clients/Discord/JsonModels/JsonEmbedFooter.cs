namespace CommunityBot.Clients.Discord.JsonModels;

public sealed record JsonEmbedFooter
{
    public required string Text { get; init; }
    public string? IconUrl { get; init; }
}
