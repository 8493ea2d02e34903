namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>An emoji, on a button or a select option.</summary>
public sealed record JsonEmoji
{
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public bool? Animated { get; init; }
}
