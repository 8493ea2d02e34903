namespace CommunityBot.Clients.Mastodon.JsonModels;

public sealed record JsonInstanceUrls
{
    /// <summary>The WebSocket base of the streaming API, e.g. wss://streaming.mastodon.social; it may be another host than the instance's.</summary>
    public string? Streaming { get; init; }
}
