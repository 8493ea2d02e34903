namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>The v2 Instance entity, reduced to what a posting bot needs.</summary>
public sealed record JsonInstance
{
    public required string Domain { get; init; }

    public string Title { get; init; } = "";

    public string Version { get; init; } = "";

    public JsonInstanceConfiguration Configuration { get; init; } = new();
}
