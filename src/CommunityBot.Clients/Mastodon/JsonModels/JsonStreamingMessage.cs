namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>
/// One message of the streaming API's WebSocket: an event (<c>notification</c>, <c>update</c>, <c>delete</c>, …) whose
/// <see cref="Payload"/> is itself JSON in a string, or an error such as <c>{"error":"Unknown stream type","status":400}</c>.
/// </summary>
public sealed record JsonStreamingMessage
{
    public IReadOnlyList<string>? Stream { get; init; }

    public string? Event { get; init; }

    public string? Payload { get; init; }

    public string? Error { get; init; }

    public int? Status { get; init; }
}
