namespace CommunityBot.Clients.Mastodon.JsonModels;

/// <summary>Mastodon's error body; <see cref="ErrorDescription"/> is mostly set by OAuth errors.</summary>
public sealed record JsonError
{
    public string? Error { get; init; }

    public string? ErrorDescription { get; init; }
}
