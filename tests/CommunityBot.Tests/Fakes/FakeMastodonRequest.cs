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
    /// <summary>The fields of a multipart/form-data body (a media upload); empty for any other body.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    /// <summary>The files of a multipart/form-data body, by field name.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
