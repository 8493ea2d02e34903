using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// A loopback web site serving feeds from Fixtures/feeds. A feed served with an ETag or Last-Modified answers 304
/// to a request whose validators match, as a real server does; any path can instead answer an error status, or
/// send the start of its body and then hold the rest back, as a stalled or hostile server does. Every request is
/// recorded with its conditional headers.
/// </summary>
public sealed class FakeFeedServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Answer> _answers = [];
    private readonly List<FakeFeedRequest> _requests = [];
    private readonly Dictionary<string, TaskCompletionSource> _holding = [];
    private readonly CancellationTokenSource _stopping = new();
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

    /// <summary>Serves <paramref name="body"/> as RSS at <paramref name="path"/> from now on.</summary>
    public void ServeText(string path, string body) => Set(path, new Answer(200, body, "application/rss+xml; charset=utf-8", null, null));

    /// <summary>
    /// From now on a request to <paramref name="path"/> gets the headers and the first bytes of the fixture, and
    /// then nothing more until the client gives up or the server stops.
    /// </summary>
    public void Hold(string path, string fixture)
    {
        lock (_lock)
        {
            _holding[path] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Set(path, new Answer(200, Fixture(fixture), "application/rss+xml; charset=utf-8", null, null, Hold: true));
    }

    /// <summary>Completes once a request to a held path has received the first bytes of its body.</summary>
    public Task HoldingAsync(string path)
    {
        lock (_lock)
        {
            return _holding[path].Task;
        }
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
        await _stopping.CancelAsync();
        await _app.StopAsync();
        _stopping.Dispose();
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
        if (!answer.Hold)
        {
            await response.WriteAsync(answer.Body);
            return;
        }
        await response.WriteAsync(answer.Body[..64]);
        await response.Body.FlushAsync();
        lock (_lock)
        {
            _holding[path].TrySetResult();
        }
        // Waits for the client to give up or the server to stop, never for a clock.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed record Answer(int Status, string Body, string ContentType, string? ETag, string? LastModified, bool Hold = false);
}
