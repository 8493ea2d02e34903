using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Tests.Fakes;

// A loopback Discord REST API: records every request and answers from a script, falling back to Default.
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
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new FakeDiscordRestRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        Record(request);

        var response = _script.TryDequeue(out var scripted) ? scripted : Default(request);
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
