using System.Net;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Clients.Discord.Rest;

public sealed class DiscordRateLimitHandlerTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    // Long enough for a request that should be held back to have reached the server if it were not.
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(150);

    private const string Channel = """{"id": "41771983423143937", "type": 0}""";

    private DiscordRestHarness _harness = null!;

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ExhaustedBucket_WaitsForResetAfterOnTheMonotonicClock()
    {
        _harness.Server.Enqueue(
            FakeDiscordRestResponse.Json(Channel).WithBucket("abcd1234", limit: 5, remaining: 0, resetAfter: 2.5),
            FakeDiscordRestResponse.Json(Channel).WithBucket("abcd1234", limit: 5, remaining: 4, resetAfter: 5));
        await _harness.Client.GetChannelAsync(1).WaitAsync(s_timeout);

        var second = _harness.Client.GetChannelAsync(1);

        Assert.Equal(TimeSpan.FromSeconds(2.5), await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout));
        await Task.Delay(s_settle);
        Assert.Single(_harness.Server.Requests);
        _harness.Time.Advance(TimeSpan.FromSeconds(2.5));
        await second.WaitAsync(s_timeout);
        Assert.Equal(2, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task RoutesSharingABucket_ShareItsRemainingCount()
    {
        _harness.Server.Enqueue(
            FakeDiscordRestResponse.Json(Channel).WithBucket("shared", limit: 2, remaining: 1, resetAfter: 4),
            FakeDiscordRestResponse.Fixture("message.json").WithBucket("shared", limit: 2, remaining: 0, resetAfter: 4),
            FakeDiscordRestResponse.Json(Channel).WithBucket("shared", limit: 2, remaining: 1, resetAfter: 4));
        await _harness.Client.GetChannelAsync(7).WaitAsync(s_timeout);
        await _harness.Client.CreateMessageAsync(7, new JsonMessageCreate { Content = "x" }).WaitAsync(s_timeout);

        // GET channels/7 has one slot left by its own count, but the message route spent the shared bucket.
        var third = _harness.Client.GetChannelAsync(7);

        Assert.Equal(TimeSpan.FromSeconds(4), await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout));
        Assert.Equal(2, _harness.Server.Requests.Count);
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        await third.WaitAsync(s_timeout);
        Assert.Equal(3, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task UnknownRoute_SendsOneRequestAtATimeUntilTheBucketIsKnown()
    {
        var release = new TaskCompletionSource();
        _harness.Server.Enqueue(FakeDiscordRestResponse.Json(Channel).WithBucket("abcd1234", limit: 10, remaining: 9, resetAfter: 1) with { HoldUntil = release.Task });
        _harness.Server.Default = _ => FakeDiscordRestResponse.Json(Channel).WithBucket("abcd1234", limit: 10, remaining: 8, resetAfter: 1);

        var requests = Enumerable.Range(0, 3).Select(_ => _harness.Client.GetChannelAsync(1)).ToArray();
        await _harness.Server.WaitForRequestsAsync(1);
        await Task.Delay(s_settle);
        Assert.Single(_harness.Server.Requests);

        release.SetResult();
        await Task.WhenAll(requests).WaitAsync(s_timeout);
        Assert.Equal(3, _harness.Server.Requests.Count);
    }

    [Theory]
    [InlineData("user", "rate-limit-user.json", 6.457, true)]
    [InlineData("shared", "rate-limit-shared.json", 13.3657, false)]
    [InlineData("global", "rate-limit-global.json", 0.457, true)]
    public async Task TooManyRequests_WaitsRetryAfterFromTheBodyThenSucceeds(string scope, string fixture, double retryAfter, bool countsAsInvalid)
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = "65", ["X-RateLimit-Scope"] = scope };
        if (scope == "global")
            headers["X-RateLimit-Global"] = "true";
        _harness.Server.Enqueue(
            FakeDiscordRestResponse.Fixture(fixture, status: 429).WithBucket("abcd1234", 10, 0, retryAfter).With(headers),
            FakeDiscordRestResponse.Json(Channel));

        var request = _harness.Client.GetChannelAsync(1);

        var wait = await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout);
        Assert.InRange(wait, TimeSpan.FromSeconds(retryAfter), TimeSpan.FromSeconds(retryAfter) + TimeSpan.FromMilliseconds(1));
        Assert.Single(_harness.Server.Requests);
        _harness.Time.Advance(wait);
        await request.WaitAsync(s_timeout);
        Assert.Equal(2, _harness.Server.Requests.Count);
        Assert.Equal(countsAsInvalid ? 1 : 0, _harness.Limiter.InvalidRequestCount);
    }

    [Fact]
    public async Task GlobalTooManyRequests_HoldsBackOtherRoutesButNotInteractionCallbacks()
    {
        _harness.Server.Enqueue(FakeDiscordRestResponse.Fixture("rate-limit-global.json", status: 429)
            .With(new Dictionary<string, string> { ["X-RateLimit-Scope"] = "global", ["X-RateLimit-Global"] = "true", ["Retry-After"] = "1" }));
        _harness.Server.Default = request => request.Path.EndsWith("/callback", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.NoContent()
            : FakeDiscordRestResponse.Json(Channel);

        var limited = _harness.Client.GetChannelAsync(1);
        await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout);
        var otherRoute = _harness.Client.GetChannelAsync(2);
        await _harness.Client.CreateInteractionResponseAsync(3, "tok", new JsonInteractionResponse { Type = InteractionCallbackType.Pong })
            .WaitAsync(s_timeout);

        Assert.Equal(2, _harness.Server.Requests.Count);
        Assert.False(otherRoute.IsCompleted);
        _harness.Time.Advance(TimeSpan.FromSeconds(0.5));
        await Task.WhenAll(limited, otherRoute).WaitAsync(s_timeout);
        Assert.Equal(4, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task GlobalWindow_AllowsFiftyRequestsPerSecondAndExemptsInteractionCallbacks()
    {
        _harness.Server.Default = request => request.Path.EndsWith("/callback", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.NoContent()
            : FakeDiscordRestResponse.Json(Channel);

        var channels = Enumerable.Range(1, 55).Select(id => _harness.Client.GetChannelAsync((ulong)id)).ToArray();
        await _harness.Server.WaitForRequestsAsync(50);
        var callbacks = Enumerable.Range(1, 5)
            .Select(id => _harness.Client.CreateInteractionResponseAsync((ulong)id, "tok", new JsonInteractionResponse { Type = InteractionCallbackType.Pong }))
            .ToArray();
        await Task.WhenAll(callbacks).WaitAsync(s_timeout);
        await Task.Delay(s_settle);

        Assert.Equal(50, _harness.Server.Requests.Count(r => r.Path.Contains("/channels/", StringComparison.Ordinal)));
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(channels).WaitAsync(s_timeout);
        Assert.Equal(60, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task RouteState_IsNotKeptForCallbacksAndIsSweptWhenIdle()
    {
        _harness.Server.Default = request => request.Path.EndsWith("/callback", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.NoContent()
            : FakeDiscordRestResponse.Json(Channel).WithBucket("abcd1234", limit: 5, remaining: 4, resetAfter: 1);
        for (ulong id = 1; id <= 3; id++)
        {
            await _harness.Client.GetChannelAsync(id).WaitAsync(s_timeout);
            await _harness.Client.CreateInteractionResponseAsync(id, "tok", new JsonInteractionResponse { Type = InteractionCallbackType.Pong })
                .WaitAsync(s_timeout);
        }
        Assert.Equal(3, _harness.Limiter.TrackedRouteCount);

        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await _harness.Client.GetChannelAsync(4).WaitAsync(s_timeout);

        Assert.Equal(1, _harness.Limiter.TrackedRouteCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ServerError_IsRetriedWithBackoffThenSucceeds(int status)
    {
        _harness.Server.Enqueue(new FakeDiscordRestResponse(status), FakeDiscordRestResponse.Json(Channel));

        var request = _harness.Client.GetChannelAsync(1);

        var backoff = await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout);
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        _harness.Time.Advance(backoff);
        var channel = await request.WaitAsync(s_timeout);
        Assert.Equal(41771983423143937UL, channel.Id);
        Assert.Equal(2, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task HangingRequest_TimesOutAndIsRetried()
    {
        _harness.Server.Enqueue(new FakeDiscordRestResponse(200) { Hang = true }, FakeDiscordRestResponse.Json(Channel));

        var request = _harness.Client.GetChannelAsync(1);
        await _harness.Server.WaitForRequestsAsync(1);
        _harness.Time.Advance(DiscordRestHarness.RequestTimeout);

        var backoff = await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout);
        _harness.Time.Advance(backoff);
        await request.WaitAsync(s_timeout);
        Assert.Equal(2, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedABoundedNumberOfTimesThenSurface()
    {
        await RestartAsync(options => options.MaxRetries = 2);
        _harness.Server.Default = _ => FakeDiscordRestResponse.Error(502, 0, "Bad Gateway");

        var request = _harness.Client.GetChannelAsync(1);
        for (var retry = 0; retry < 2; retry++)
            _harness.Time.Advance(await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => request.WaitAsync(s_timeout));
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_AreRetriedABoundedNumberOfTimesThenSurfaceWithRetryAfter()
    {
        await RestartAsync(options => options.MaxRetries = 1);
        _harness.Server.Default = _ => FakeDiscordRestResponse.Fixture("rate-limit-user.json", status: 429)
            .With(new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user" });

        var request = _harness.Client.GetChannelAsync(1);
        _harness.Time.Advance(await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => request.WaitAsync(s_timeout));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(6.457), error.RetryAfter);
        Assert.Equal(2, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_LongerThanMaxRateLimitWait_SurfacesAtOnce()
    {
        await RestartAsync(options => options.MaxRateLimitWait = TimeSpan.FromSeconds(10));
        _harness.Server.Enqueue(FakeDiscordRestResponse.Fixture("rate-limit-shared.json", status: 429)
            .With(new Dictionary<string, string> { ["X-RateLimit-Scope"] = "shared" }));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => _harness.Client.GetChannelAsync(1).WaitAsync(s_timeout));

        Assert.Equal(TimeSpan.FromSeconds(13.3657), error.RetryAfter);
        Assert.Single(_harness.Server.Requests);
    }

    [Fact]
    public async Task InvalidRequests_FirstSlowDownThenRefuseAllButInteractionResponses()
    {
        await RestartAsync(options =>
        {
            options.InvalidRequestSlowdownThreshold = 3;
            options.InvalidRequestRefuseThreshold = 5;
        });
        _harness.Server.Default = request => request.Path.EndsWith("/callback", StringComparison.Ordinal)
            ? FakeDiscordRestResponse.NoContent()
            : FakeDiscordRestResponse.Fixture("error-missing-access.json", status: 403);
        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<DiscordRestException>(() => _harness.Client.GetChannelAsync(1).WaitAsync(s_timeout));

        var slowed = _harness.Client.GetChannelAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(1), await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout));
        Assert.Equal(3, _harness.Server.Requests.Count);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<DiscordRestException>(() => slowed.WaitAsync(s_timeout));
        var fifth = _harness.Client.GetChannelAsync(1);
        _harness.Time.Advance(await _harness.Time.WaitForTimerAsync(d => d != DiscordRestHarness.RequestTimeout));
        await Assert.ThrowsAsync<DiscordRestException>(() => fifth.WaitAsync(s_timeout));

        await Assert.ThrowsAsync<DiscordRequestRefusedException>(() => _harness.Client.GetChannelAsync(1).WaitAsync(s_timeout));
        Assert.Equal(5, _harness.Server.Requests.Count);
        await _harness.Client.CreateInteractionResponseAsync(1, "tok", new JsonInteractionResponse { Type = InteractionCallbackType.Pong })
            .WaitAsync(s_timeout);
        Assert.Equal(6, _harness.Server.Requests.Count);

        // The window slides: ten minutes later the counted responses have expired.
        _harness.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, _harness.Limiter.InvalidRequestCount);
    }

    private async Task StartAsync(Action<CommunityBot.Clients.Discord.DiscordRestOptions>? configure = null) =>
        _harness = await DiscordRestHarness.StartAsync(configure);

    private async Task RestartAsync(Action<CommunityBot.Clients.Discord.DiscordRestOptions> configure)
    {
        await _harness.DisposeAsync();
        await StartAsync(configure);
    }
}
