using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

// A loopback Discord REST API: records every request and answers from a script, falling back to Default. A message
// sent with files (multipart/form-data) is read as Discord reads it: the message from payload_json, files[n] as the
// file whose id is n in its attachments; a body that breaks those rules is refused with Discord's 50035.
public sealed class FakeDiscordRest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeDiscordRestResponse> _script = new();
    private readonly RequestLog<FakeDiscordRestRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeDiscordRest(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    // Answers requests when the script is empty.
    public Func<FakeDiscordRestRequest, FakeDiscordRestResponse> Default { get; set; } = _ => FakeDiscordRestResponse.Json("{}");

    public IReadOnlyList<FakeDiscordRestRequest> Requests => _requests.Snapshot();

    public static async Task<FakeDiscordRest> StartAsync()
    {
        var fake = new FakeDiscordRest(LoopbackWebApplication.Create());
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(LoopbackWebApplication.Address(fake._app), "api/v10");
        return fake;
    }

    public void Enqueue(params FakeDiscordRestResponse[] responses)
    {
        foreach (var response in responses)
            _script.Enqueue(response);
    }

    public Task WaitForRequestsAsync(int count) => _requests.WaitForAsync(count);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string body;
        List<FakeDiscordFile> files = [];
        string? malformed = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            body = form["payload_json"].ToString();
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, context.RequestAborted);
                files.Add(new FakeDiscordFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
            }
            malformed = FakeDiscordMultipart.Problem(body, files);
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        var request = new FakeDiscordRestRequest(context.Request.Method, context.Request.Path.Value ?? "", headers, body) { Files = files };
        Record(request);

        var response = malformed is not null
            ? FakeDiscordRestResponse.Error(400, 50035, "Invalid Form Body: " + malformed)
            : _script.TryDequeue(out var scripted) ? scripted : Default(request);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            if (response.Hang)
                await Task.Delay(Timeout.Infinite, aborted.Token);
            if (response.HoldUntil is { } hold)
                await hold.WaitAsync(aborted.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
            context.Response.Headers[name] = value;
        if (response.Body is { } text)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text, CancellationToken.None);
        }
    }

    private void Record(FakeDiscordRestRequest request) => _requests.Add(request);
}
