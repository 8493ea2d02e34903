namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>A notification; the bot reads mentions.</summary>
public sealed record JsonNotification
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required JsonAccount Account { get; init; }

    /// <summary>Present for <c>mention</c> and a few other types.</summary>
    public JsonStatus? Status { get; init; }
}
