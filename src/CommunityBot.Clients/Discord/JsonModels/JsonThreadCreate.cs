namespace CommunityBot.Clients.Discord.JsonModels;

/// <summary>The body of Start Thread from Message (<c>CreateTextThreadWithMessageRequest</c>).</summary>
public sealed record JsonThreadCreate
{
    /// <summary>An <see cref="AutoArchiveDuration"/> of one day, in minutes.</summary>
    public const int OneDay = 1440;

    // 1 to 100 characters.
    public required string Name { get; init; }

    // Minutes without activity before the thread is archived: 60, 1440, 4320 or 10080.
    public int? AutoArchiveDuration { get; init; }
}
