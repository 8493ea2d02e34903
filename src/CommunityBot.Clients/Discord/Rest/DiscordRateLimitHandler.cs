using System.Globalization;
using System.Net;
using System.Text.Json;
using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Clients.Discord.Rest;

// Paces every request through the shared DiscordRateLimiter and retries 429s, 5xx, network
// failures and timeouts a bounded number of times; whatever is left is returned to the client.
internal sealed class DiscordRateLimitHandler(
    DiscordRateLimiter limiter,
    TimeProvider time,
    IOptions<DiscordRestOptions> options,
    ILogger<DiscordRateLimitHandler> logger) : DelegatingHandler
{
    /// <summary>The <c>api</c> tag of the rate-limit wait counter for Discord.</summary>
    internal const string DiscordApi = "discord";

    public static readonly HttpRequestOptionsKey<DiscordRoute> RouteOption = new("CommunityBot.DiscordRoute");

    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_defaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly DiscordRestOptions _options = options.Value;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RouteOption, out var route))
            route = new DiscordRoute($"{request.Method} {request.RequestUri?.AbsolutePath}") { IsTracked = false };

        for (var attempt = 1; ; attempt++)
        {
            var canRetry = attempt <= _options.MaxRetries;
            var lease = await limiter.AcquireAsync(route, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await SendAttemptAsync(request, cancellationToken);
            }
            catch (Exception exception) when (IsTransientFailure(exception, cancellationToken))
            {
                DiscordRateLimiter.Release(lease);
                if (!canRetry)
                {
                    throw exception is OperationCanceledException
                        ? new TimeoutException($"Discord did not answer {route.Template} within {_options.RequestTimeout} ({attempt} attempts).", exception)
                        : exception;
                }
                await BackOffAsync(route, exception is OperationCanceledException ? "a timeout" : exception.Message, attempt, cancellationToken);
                continue;
            }
            catch
            {
                DiscordRateLimiter.Release(lease);
                throw;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var (scope, retryAfter) = await ReadRateLimitAsync(response, cancellationToken);
                limiter.Complete(route, lease, response, scope, retryAfter);
                if (!canRetry || retryAfter > _options.MaxRateLimitWait)
                    return response;

                DiscordRestLog.RateLimited(logger, route.Template, scope.ToString(), retryAfter);
                ClientMetrics.RateLimitWait(DiscordApi);
                response.Dispose();
                await time.DelayAsync(retryAfter, cancellationToken);
                continue;
            }

            limiter.Complete(route, lease, response, null, TimeSpan.Zero);
            if (canRetry && IsTransientStatus(response.StatusCode))
            {
                response.Dispose();
                await BackOffAsync(route, $"{(int)response.StatusCode}", attempt, cancellationToken);
                continue;
            }
            return response;
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var response = await base.SendAsync(request, linked.Token);
        try
        {
            // Read the body inside the timeout: HttpClient's own timeout is off so that it does not span retries.
            await response.Content.LoadIntoBufferAsync(linked.Token);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private Task BackOffAsync(DiscordRoute route, string failure, int attempt, CancellationToken cancellationToken)
    {
        var exponential = s_firstBackoff * Math.Pow(2, attempt - 1);
        var capped = exponential < s_maxBackoff ? exponential : s_maxBackoff;

        // Jitter keeps many clients that failed together from retrying together.
        var delay = capped * (0.5 + (Random.Shared.NextDouble() / 2));
        DiscordRestLog.Retrying(logger, route.Template, failure, attempt, delay);
        return time.DelayAsync(delay, cancellationToken);
    }

    private static bool IsTransientFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static async Task<(RateLimitScope Scope, TimeSpan RetryAfter)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonError? body = null;
        try
        {
            // Bytes, not the content stream: HttpContent hands out one stream, and the client reads the body again.
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            body = JsonSerializer.Deserialize(bytes, DiscordJsonContext.Default.JsonError);
        }
        catch (JsonException)
        {
            // Cloudflare answers some 429s with HTML; the headers still say how long to wait.
        }

        var headers = response.Headers;
        var scope = (RateLimitHeaders.TryGet(headers, "X-RateLimit-Scope", out var scopeText) ? scopeText : "") switch
        {
            "global" => RateLimitScope.Global,
            "shared" => RateLimitScope.Shared,
            _ when body?.Global == true => RateLimitScope.Global,
            _ when RateLimitHeaders.TryGet(headers, "X-RateLimit-Global", out var global)
                && global.Equals("true", StringComparison.OrdinalIgnoreCase) => RateLimitScope.Global,
            _ => RateLimitScope.User,
        };

        // The body's retry_after has decimals; the Retry-After header is rounded up to whole seconds.
        TimeSpan retryAfter;
        if (body?.RetryAfter is { } seconds && seconds >= 0)
            retryAfter = TimeSpan.FromSeconds(seconds);
        else if (headers.RetryAfter?.Delta is { } delta)
            retryAfter = delta;
        else if (RateLimitHeaders.TryGet(headers, "X-RateLimit-Reset-After", out var resetAfter)
            && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetSeconds))
            retryAfter = TimeSpan.FromSeconds(resetSeconds);
        else
            retryAfter = s_defaultRetryAfter;

        return (scope, retryAfter);
    }
}
