using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// A loopback Mastodon on Kestrel. It answers the endpoints the bot uses with the fixtures in Fixtures/mastodon,
/// refuses any token but <see cref="AccessToken"/> with Mastodon's 401 body, records every request, and lets a test
/// script the next answers of a route (errors, rate limits, HTML pages from a proxy, a stall).
/// </summary>
public sealed class FakeMastodonServer : IAsyncDisposable
{
    public const string AccessToken = "fake-token-5e0c9a";

    private readonly Lock _lock = new();
    private readonly RequestLog<FakeMastodonRequest> _requests = new();
    private readonly Dictionary<string, Queue<FakeMastodonResponse>> _scripted = [];
    // Uploaded media by id, with how many more looks answer "still processing".
    private readonly Dictionary<string, int> _media = [];
    private readonly WebApplication _app;

    private FakeMastodonServer()
    {
        _app = LoopbackWebApplication.Create();
        _app.Run(HandleAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<FakeMastodonRequest> Requests => _requests.Snapshot();

    /// <summary>The X-RateLimit-* headers on default answers; null sends none.</summary>
    public Func<FakeMastodonResponse, FakeMastodonResponse>? DefaultRateLimit { get; set; }

    public static async Task<FakeMastodonServer> StartAsync(TimeProvider timeProvider)
    {
        var server = new FakeMastodonServer();
        await server._app.StartAsync();
        server.BaseUri = LoopbackWebApplication.Address(server._app);
        server.DefaultRateLimit = response => response.WithRateLimit(300, 299, timeProvider.GetUtcNow().AddMinutes(5));
        return server;
    }

    /// <summary>How many looks at a new upload (GET /api/v1/media/{id}) answer 206 before it is ready; uploads answer 202.</summary>
    public int MediaLooksWhileProcessing { get; set; }

    /// <summary>Queues answers for <paramref name="method"/> <paramref name="path"/>, used before the default one.</summary>
    public void Enqueue(string method, string path, params FakeMastodonResponse[] responses)
    {
        lock (_lock)
        {
            var key = method + " " + path;
            if (!_scripted.TryGetValue(key, out var queue))
            {
                _scripted[key] = queue = new Queue<FakeMastodonResponse>();
            }

            foreach (var response in responses)
            {
                queue.Enqueue(response);
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count) => _requests.WaitForAsync(count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = "";
        Dictionary<string, string> form = [];
        Dictionary<string, byte[]> files = [];
        if (request.HasFormContentType)
        {
            var read = await request.ReadFormAsync(context.RequestAborted);
            form = read.ToDictionary(f => f.Key, f => f.Value.ToString());
            foreach (var file in read.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, context.RequestAborted);
                files[file.Name] = bytes.ToArray();
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        var recorded = new FakeMastodonRequest(
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body) { Form = form, Files = files };

        var response = Record(recorded);
        if (response.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private FakeMastodonResponse Record(FakeMastodonRequest request)
    {
        _requests.Add(request);
        FakeMastodonResponse? scripted = null;
        lock (_lock)
        {
            if (_scripted.TryGetValue(request.Method + " " + request.Path, out var queue) && queue.Count > 0)
            {
                scripted = queue.Dequeue();
            }
        }

        if (scripted is not null)
        {
            return scripted;
        }

        if (request.Header("Authorization") != "Bearer " + AccessToken)
        {
            return FakeMastodonResponse.Fixture(401, "error_401.json");
        }

        var answer = (request.Method, request.Path) switch
        {
            ("GET", "/api/v1/accounts/verify_credentials") => FakeMastodonResponse.Fixture(200, "account_verify_credentials.json"),
            ("GET", "/api/v2/instance") => FakeMastodonResponse.Fixture(200, "instance_v2.json"),
            ("POST", "/api/v1/statuses") => Status(request),
            ("POST", "/api/v2/media") => Upload(request),
            ("GET", var path) when path.StartsWith("/api/v1/media/", StringComparison.Ordinal) => Media(path["/api/v1/media/".Length..]),
            ("GET", "/api/v1/notifications") => Notifications(),
            _ => FakeMastodonResponse.Json(404, """{"error":"Record not found"}"""),
        };
        return DefaultRateLimit is null ? answer : DefaultRateLimit(answer);
    }

    // Like Mastodon 4 for a file it processes in the background: 202 and no url yet. A description is required here
    // (Mastodon allows none): the bot must never upload an image without its alt text.
    private FakeMastodonResponse Upload(FakeMastodonRequest request)
    {
        if (!request.Files.TryGetValue("file", out var file) || file.Length == 0)
        {
            return FakeMastodonResponse.Json(422, """{"error":"Validation failed: File can't be blank"}""");
        }
        if (string.IsNullOrWhiteSpace(request.Form.GetValueOrDefault("description")))
        {
            return FakeMastodonResponse.Json(422, """{"error":"Validation failed: Description can't be blank"}""");
        }
        string id;
        lock (_lock)
        {
            id = (110_000_000_000_000_001 + _media.Count).ToString(CultureInfo.InvariantCulture);
            _media[id] = MediaLooksWhileProcessing;
        }
        return FakeMastodonResponse.Json(202, MediaJson(id, request.Form["description"], ready: false));
    }

    private FakeMastodonResponse Media(string id)
    {
        lock (_lock)
        {
            if (!_media.TryGetValue(id, out var looks))
            {
                return FakeMastodonResponse.Json(404, """{"error":"Record not found"}""");
            }
            if (looks > 0)
            {
                _media[id] = looks - 1;
                return FakeMastodonResponse.Json(206, MediaJson(id, null, ready: false));
            }
        }
        return FakeMastodonResponse.Json(200, MediaJson(id, null, ready: true));
    }

    // Mastodon refuses a status naming media it does not know or has not finished processing.
    private FakeMastodonResponse Status(FakeMastodonRequest request)
    {
        using var status = JsonDocument.Parse(request.Body);
        if (status.RootElement.TryGetProperty("media_ids", out var ids))
        {
            lock (_lock)
            {
                foreach (var id in ids.EnumerateArray().Select(i => i.GetString() ?? ""))
                {
                    if (!_media.TryGetValue(id, out var looks) || looks > 0)
                    {
                        return FakeMastodonResponse.Json(422, """{"error":"Cannot attach files that have not finished processing. Try again in a moment!"}""");
                    }
                }
            }
        }
        return FakeMastodonResponse.Fixture(200, "status_created.json");
    }

    private string MediaJson(string id, string? description, bool ready) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["type"] = "image",
        ["url"] = ready ? new Uri(BaseUri, $"system/media/{id}.png").ToString() : null,
        ["preview_url"] = new Uri(BaseUri, $"system/media/{id}-small.png").ToString(),
        ["description"] = description,
        ["blurhash"] = null,
    });

    // The fixture holds notifications 17 and 15, newest first; the Link header points around them as Mastodon does.
    private FakeMastodonResponse Notifications()
    {
        var response = FakeMastodonResponse.Fixture(200, "notifications_mentions.json");
        var api = new Uri(BaseUri, "api/v1/notifications");
        response.Headers["Link"] =
            $"<{api}?max_id=15&types%5B%5D=mention>; rel=\"next\", <{api}?min_id=17&types%5B%5D=mention>; rel=\"prev\"";
        return response;
    }
}
