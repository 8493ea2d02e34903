namespace CommunityBot.Clients.Discord.JsonModels;

public sealed record JsonEmoji
{
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public bool? Animated { get; init; }
}
