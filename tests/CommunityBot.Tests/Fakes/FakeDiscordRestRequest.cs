namespace CommunityBot.Tests.Fakes;

/// <summary>
/// One request as the fake Discord saw it. For a multipart/form-data message create the body is its payload_json part,
/// so a test reads the message the same way whether it came as JSON or with files.
/// </summary>
public sealed record FakeDiscordRestRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The files[n] parts of a multipart/form-data body, in order; empty for a JSON body.</summary>
    public IReadOnlyList<FakeDiscordFile> Files { get; init; } = [];

    public bool IsMultipart => Headers.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
}
