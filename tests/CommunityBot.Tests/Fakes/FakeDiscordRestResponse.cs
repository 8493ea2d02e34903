using System.Globalization;

namespace CommunityBot.Tests.Fakes;

public sealed record FakeDiscordRestResponse(int Status, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    // Never answers; the client has to time out.
    public bool Hang { get; init; }

    // Answers once this task completes.
    public Task? HoldUntil { get; init; }

    public static FakeDiscordRestResponse Json(string body, int status = 200) => new(status, body);

    public static FakeDiscordRestResponse NoContent() => new(204);

    public static FakeDiscordRestResponse Fixture(string name, int status = 200) =>
        new(status, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-rest", name)));

    public static FakeDiscordRestResponse Error(int status, int code, string message) =>
        new(status, $$"""{"code": {{code}}, "message": "{{message}}"}""");

    public FakeDiscordRestResponse WithBucket(string bucket, int limit, int remaining, double resetAfter) =>
        With(new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = bucket,
            ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset-After"] = resetAfter.ToString(CultureInfo.InvariantCulture),
        });

    public FakeDiscordRestResponse With(IReadOnlyDictionary<string, string> headers) =>
        this with { Headers = Headers.Concat(headers).ToDictionary(h => h.Key, h => h.Value) };
}
