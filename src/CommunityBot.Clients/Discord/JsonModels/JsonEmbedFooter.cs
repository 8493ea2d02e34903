namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The footer of an embed.</summary>
public sealed record JsonEmbedFooter
{
    public required string Text { get; init; }
    public string? IconUrl { get; init; }
}
