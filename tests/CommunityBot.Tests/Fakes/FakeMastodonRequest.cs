namespace CommunityBot.Tests.Fakes;

/// <summary>One request as the fake Mastodon saw it.</summary>
public sealed record FakeMastodonRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
