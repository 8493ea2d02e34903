namespace CommunityBot.Clients.Discord.JsonModels;

// The body of start thread from message (CreateTextThreadWithMessageRequest).
public sealed record JsonThreadCreate
{
    public const int OneDay = 1440;

    // 1 to 100 characters.
    public required string Name { get; init; }

    // Minutes without activity before the thread is archived: 60, 1440, 4320 or 10080.
    public int? AutoArchiveDuration { get; init; }
}
