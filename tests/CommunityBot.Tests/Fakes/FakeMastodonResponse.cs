using System.Globalization;

namespace CommunityBot.Tests.Fakes;

/// <summary>A scripted answer of the fake Mastodon; <see cref="Hang"/> never answers, like a stalled proxy.</summary>
public sealed record FakeMastodonResponse(int StatusCode, string Body, string ContentType)
{
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Hang { get; init; }

    /// <summary>Accepts the request's WebSocket upgrade and serves the streaming API on it.</summary>
    public bool AcceptWebSocket { get; init; }

    public static FakeMastodonResponse Fixture(int statusCode, string fixtureName) =>
        Json(statusCode, File.ReadAllText(FixturePath(fixtureName)));

    public static FakeMastodonResponse Json(int statusCode, string body) =>
        new(statusCode, body, "application/json; charset=utf-8");

    public static FakeMastodonResponse Html(int statusCode, string fixtureName) =>
        new(statusCode, File.ReadAllText(FixturePath(fixtureName)), "text/html");

    public static FakeMastodonResponse Stream() => new(101, "", "") { AcceptWebSocket = true };

    public static FakeMastodonResponse Stalled() => new(200, "", "text/plain") { Hang = true };

    public static string FixturePath(string fixtureName) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "mastodon", fixtureName);

    /// <summary>Adds X-RateLimit-* headers the way Mastodon writes them (reset as ISO 8601 with microseconds).</summary>
    public FakeMastodonResponse WithRateLimit(int limit, int remaining, DateTimeOffset reset)
    {
        Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        Headers["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return this;
    }
}
