using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// A loopback web site serving feeds from Fixtures/feeds. A feed served with an ETag or Last-Modified answers 304
/// to a request whose validators match, as a real server does; any path can instead answer an error status. Every
/// request is recorded with its conditional headers.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Answer> _answers = [];
    private readonly List<FakeFeedRequest> _requests = [];
    private readonly WebApplication _app;

    private FakeFeedServer()
    {
        _app = LoopbackWebApplication.Create();
        _app.Run(HandleAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FakeFeedServer> StartAsync()
    {
        var server = new FakeFeedServer();
        await server._app.StartAsync();
        server.BaseUri = LoopbackWebApplication.Address(server._app);
        return server;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds", name));

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    /// <summary>Serves a fixture at <paramref name="path"/> from now on.</summary>
    public void Serve(string path, string fixture, string? etag = null, DateTimeOffset? lastModified = null)
    {
        var contentType = fixture.EndsWith(".atom", StringComparison.Ordinal) ? "application/atom+xml" : "application/rss+xml; charset=utf-8";
        Set(path, new Answer(200, Fixture(fixture), contentType, etag, lastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="status"/> from now on.</summary>
    public void Fail(string path, int status) => Set(path, new Answer(status, "<html><body>Service Unavailable</body></html>", "text/html", null, null));

    public IReadOnlyList<FakeFeedRequest> RequestsTo(string path)
    {
        lock (_lock)
        {
            return [.. _requests.Where(r => r.Path == path)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Set(string path, Answer answer)
    {
        lock (_lock)
        {
            _answers[path] = answer;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
        Answer? answer;
        lock (_lock)
        {
            _requests.Add(new FakeFeedRequest(path, NullIfEmpty(ifNoneMatch), NullIfEmpty(ifModifiedSince)));
            answer = _answers.GetValueOrDefault(path);
        }
        if (answer is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        var response = context.Response;
        if (answer.Status == 200 && ((answer.ETag is not null && ifNoneMatch == answer.ETag) || (answer.LastModified is not null && ifModifiedSince == answer.LastModified)))
        {
            response.StatusCode = 304;
            return;
        }
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        if (answer.ETag is not null)
        {
            response.Headers.ETag = answer.ETag;
        }
        if (answer.LastModified is not null)
        {
            response.Headers.LastModified = answer.LastModified;
        }
        await response.WriteAsync(answer.Body);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed record Answer(int Status, string Body, string ContentType, string? ETag, string? LastModified);
}
