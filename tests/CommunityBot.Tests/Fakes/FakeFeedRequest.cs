namespace CommunityBot.Tests.Fakes;

/// <summary>A request the fake feed server received, with the conditional GET headers it carried.</summary>
public sealed record FakeFeedRequest(string Path, string? IfNoneMatch, string? IfModifiedSince);
