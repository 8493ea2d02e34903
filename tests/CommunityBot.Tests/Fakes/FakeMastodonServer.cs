using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

/// <summary>
/// A loopback Mastodon on Kestrel. It answers the endpoints the bot uses with the fixtures in Fixtures/mastodon (the
/// instance's streaming address rewritten to <see cref="StreamingBaseUri"/>), serves the streaming WebSocket,
/// refuses any token but <see cref="AccessToken"/> with Mastodon's 401 body, records every request, and lets a test
/// script the next answers of a route (errors, rate limits, HTML pages from a proxy, a stall). Like Mastodon, it makes
/// one status per Idempotency-Key: a second post with a key it has seen answers the status made the first time.
/// </summary>
public sealed class FakeMastodonServer : IAsyncDisposable
{
    public const string AccessToken = "fake-token-5e0c9a";

    private readonly Lock _lock = new();
    private readonly RequestLog<FakeMastodonRequest> _requests = new();
    private readonly Dictionary<string, Queue<FakeMastodonResponse>> _scripted = [];
    // Uploaded media by id, with how many more looks answer "still processing".
    private readonly Dictionary<string, int> _media = [];
    private readonly Dictionary<string, string> _statusIds = new(StringComparer.Ordinal);
    private readonly List<FakeMastodonRequest> _statuses = [];
    private readonly WebApplication _app;

    private FakeMastodonServer()
    {
        _app = LoopbackWebApplication.Create();
        _app.UseWebSockets();
        _app.Run(HandleAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<FakeMastodonRequest> Requests => _requests.Snapshot();

    /// <summary>The WebSockets of /api/v1/streaming opened here.</summary>
    public FakeMastodonStreaming Streaming { get; } = new();

    /// <summary>What the instance gives as <c>configuration.urls.streaming</c>: this server (ws://) unless a test points it elsewhere.</summary>
    public Uri StreamingBaseUri { get; set; } = null!;

    /// <summary>What the instance gives as <c>configuration.statuses.max_characters</c>; null keeps the fixture's 500.</summary>
    public int? MaxCharacters { get; set; }

    /// <summary>The X-RateLimit-* headers on default answers; null sends none.</summary>
    public Func<FakeMastodonResponse, FakeMastodonResponse>? DefaultRateLimit { get; set; }

    public static async Task<FakeMastodonServer> StartAsync(TimeProvider timeProvider)
    {
        var server = new FakeMastodonServer();
        await server._app.StartAsync();
        server.BaseUri = LoopbackWebApplication.Address(server._app);
        server.StreamingBaseUri = new UriBuilder(server.BaseUri) { Scheme = "ws" }.Uri;
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

    /// <summary>Answers a request before the scripted and default answers when it returns one (a failure on one thread part, say).</summary>
    public Func<FakeMastodonRequest, FakeMastodonResponse?>? Answer { get; set; }

    /// <summary>The requests that made a status, one per status (a repeated Idempotency-Key makes none).</summary>
    public IReadOnlyList<FakeMastodonRequest> StatusesCreated
    {
        get
        {
            lock (_lock)
            {
                return [.. _statuses];
            }
        }
    }

    /// <summary>The id of the status made for <paramref name="idempotencyKey"/>, or null when none was.</summary>
    public string? StatusIdOf(string idempotencyKey)
    {
        lock (_lock)
        {
            return _statusIds.GetValueOrDefault(idempotencyKey);
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
        if (response.AcceptWebSocket && context.WebSockets.IsWebSocketRequest)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await Streaming.ServeAsync(socket, recorded, context.RequestAborted);
            return;
        }
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
        if (Answer?.Invoke(request) is { } answered)
        {
            if (answered.Hang && IsStatusPost(request))
            {
                // Made, but the answer never arrives: a retry with its key must get this status, not a second one.
                CreateStatus(request);
            }
            return answered;
        }
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
            ("GET", "/api/v2/instance") => Instance(),
            ("GET", "/api/v1/streaming") => FakeMastodonResponse.Stream(),
            ("POST", "/api/v1/statuses") => CreateStatus(request),
            ("POST", "/api/v2/media") => Upload(request),
            ("GET", var path) when path.StartsWith("/api/v1/media/", StringComparison.Ordinal) => Media(path["/api/v1/media/".Length..]),
            ("GET", "/api/v1/notifications") => Notifications(request),
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

    private string MediaJson(string id, string? description, bool ready) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["type"] = "image",
        ["url"] = ready ? new Uri(BaseUri, $"system/media/{id}.png").ToString() : null,
        ["preview_url"] = new Uri(BaseUri, $"system/media/{id}-small.png").ToString(),
        ["description"] = description,
        ["blurhash"] = null,
    });

    // Mastodon refuses a status naming media it does not know or has not finished processing.
    private FakeMastodonResponse? RefuseUnreadyMedia(JsonNode? status)
    {
        if (status?["media_ids"] is not JsonArray ids)
        {
            return null;
        }
        lock (_lock)
        {
            foreach (var id in ids.Select(i => i?.GetValue<string>() ?? ""))
            {
                if (!_media.TryGetValue(id, out var looks) || looks > 0)
                {
                    return FakeMastodonResponse.Json(422, """{"error":"Cannot attach files that have not finished processing. Try again in a moment!"}""");
                }
            }
        }
        return null;
    }

    private static bool IsStatusPost(FakeMastodonRequest request) => request is { Method: "POST", Path: "/api/v1/statuses" };

    // The fixture's status, with an id of its own per Idempotency-Key (the fixture's for the first) and the request's in_reply_to_id.
    private FakeMastodonResponse CreateStatus(FakeMastodonRequest request)
    {
        var sent = string.IsNullOrEmpty(request.Body) || request.Header("Content-Type")?.Contains("json", StringComparison.OrdinalIgnoreCase) != true
            ? null
            : JsonNode.Parse(request.Body);
        if (RefuseUnreadyMedia(sent) is { } refused)
        {
            return refused;
        }
        var key = request.Header("Idempotency-Key") ?? Guid.NewGuid().ToString();
        string id;
        lock (_lock)
        {
            if (!_statusIds.TryGetValue(key, out id!))
            {
                id = (103254962155278888 + _statusIds.Count).ToString(CultureInfo.InvariantCulture);
                _statusIds[key] = id;
                _statuses.Add(request);
            }
        }
        var status = JsonNode.Parse(File.ReadAllText(FakeMastodonResponse.FixturePath("status_created.json")))!;
        status["id"] = id;
        if (sent?["in_reply_to_id"] is { } inReplyTo)
        {
            status["in_reply_to_id"] = inReplyTo.GetValue<string>();
        }
        return FakeMastodonResponse.Json(200, status.ToJsonString());
    }

    private FakeMastodonResponse Instance()
    {
        var instance = JsonNode.Parse(File.ReadAllText(FakeMastodonResponse.FixturePath("instance_v2.json")))!;
        instance["configuration"]!["urls"]!["streaming"] = StreamingBaseUri.ToString().TrimEnd('/');
        if (MaxCharacters is { } maxCharacters)
        {
            instance["configuration"]!["statuses"]!["max_characters"] = maxCharacters;
        }
        return FakeMastodonResponse.Json(200, instance.ToJsonString());
    }

    // The fixture holds notifications 17 and 15, newest first; the Link header points around them as Mastodon does.
    // With min_id only the newer ones come back, as from Mastodon: a poll from the cursor 17 finds nothing new.
    private FakeMastodonResponse Notifications(FakeMastodonRequest request)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(FakeMastodonResponse.FixturePath("notifications_mentions.json")))!.AsArray();
        if (request.Query.TryGetValue("min_id", out var minId) && long.TryParse(minId, out var after))
        {
            foreach (var older in fixture.Where(n => long.Parse((string)n!["id"]!, System.Globalization.CultureInfo.InvariantCulture) <= after).ToList())
            {
                fixture.Remove(older);
            }
        }
        var response = FakeMastodonResponse.Json(200, fixture.ToJsonString());
        var api = new Uri(BaseUri, "api/v1/notifications");
        response.Headers["Link"] =
            $"<{api}?max_id=15&types%5B%5D=mention>; rel=\"next\", <{api}?min_id=17&types%5B%5D=mention>; rel=\"prev\"";
        return response;
    }
}
