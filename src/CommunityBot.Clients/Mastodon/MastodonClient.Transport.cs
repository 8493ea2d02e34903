using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using CommunityBot.Clients.Mastodon.JsonModels;
using CommunityBot.Clients.Telemetry;

namespace CommunityBot.Clients.Mastodon;

internal sealed partial class MastodonClient
{
    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json") { CharSet = "utf-8" };

    private async Task<MastodonResponse<T>> SendAsync<T>(
        MastodonRequest request,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForRateLimitAsync(request, cancellationToken);

            MastodonApiException failure;
            try
            {
                return await SendOnceAsync(request, responseType, cancellationToken);
            }
            catch (MastodonApiException exception) when (exception.IsRetryable && attempt < _options.MaxAttempts)
            {
                failure = exception;
            }

            var delay = RoundUpToMilliseconds(failure.RetryAfter ?? Backoff(attempt));
            if (delay > _options.MaxRateLimitWait)
            {
                throw failure;
            }

            Log.Retrying(_logger, AccountName, request.Method, request.PathAndQuery, failure.Error, attempt, _options.MaxAttempts, delay);
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = _options.BaseRetryDelay * factor;
        return delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    private async Task WaitForRateLimitAsync(MastodonRequest request, CancellationToken cancellationToken)
    {
        var wait = RoundUpToMilliseconds(_rateLimits.Reserve(request.Bucket, _timeProvider.GetUtcNow()));
        while (wait > TimeSpan.Zero)
        {
            if (wait > _options.MaxRateLimitWait)
            {
                throw new MastodonApiException(
                    AccountName,
                    HttpStatusCode.TooManyRequests,
                    $"the rate limit is used up for another {wait:g}; not sending {request.Method} /{StripQuery(request.PathAndQuery)}",
                    isRetryable: true,
                    retryAfter: wait);
            }

            Log.WaitingForRateLimit(_logger, AccountName, request.Method, request.PathAndQuery, wait);
            ClientMetrics.RateLimitWait("mastodon");
            await Task.Delay(wait, _timeProvider, cancellationToken);
            wait = RoundUpToMilliseconds(_rateLimits.Reserve(request.Bucket, _timeProvider.GetUtcNow()));
        }
    }

    // Timers tick in whole milliseconds; waking a fraction early before a reset (X-RateLimit-Reset has microseconds)
    // would only start another sub-millisecond wait.
    private static TimeSpan RoundUpToMilliseconds(TimeSpan delay) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));

    private async Task<MastodonResponse<T>> SendOnceAsync<T>(
        MastodonRequest request,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
    {
        using var message = BuildMessage(request);
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        HttpResponseMessage response;
        string body;
        try
        {
            response = await _httpClientFactory.CreateClient(MastodonClientFactory.HttpClientName)
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw TransportFailure(exception);
        }

        using (response)
        {
            try
            {
                body = await response.Content.ReadAsStringAsync(linked.Token);
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
            {
                throw TransportFailure(exception);
            }

            Log.Received(_logger, AccountName, request.Method, request.PathAndQuery, (int)response.StatusCode);
            return ReadResponse(request, response, body, responseType);
        }
    }

    private HttpRequestMessage BuildMessage(MastodonRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(Instance, request.PathAndQuery));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.IdempotencyKey is { } key)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        if (request.JsonBody is { } json)
        {
            message.Content = new ByteArrayContent(json) { Headers = { ContentType = s_jsonContentType } };
        }
        else if (request.Upload is { } upload)
        {
            var file = new ReadOnlyMemoryContent(upload.Content) { Headers = { ContentType = new MediaTypeHeaderValue(upload.ContentType) } };
            message.Content = new MultipartFormDataContent
            {
                { new StringContent(upload.Description), "description" },
                { file, "file", upload.FileName },
            };
        }

        return message;
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private MastodonApiException TransportFailure(Exception exception)
    {
        var error = exception is OperationCanceledException
            ? $"no response within {_options.RequestTimeout:g}"
            : $"request failed: {exception.Message}";
        return new MastodonApiException(AccountName, statusCode: null, error, isRetryable: true, innerException: exception);
    }

    private MastodonResponse<T> ReadResponse<T>(
        MastodonRequest request,
        HttpResponseMessage response,
        string body,
        JsonTypeInfo<T> responseType)
    {
        var rateLimit = MastodonRateLimit.FromHeaders(response.Headers);
        if (rateLimit is not null)
        {
            _rateLimits.Update(
                request.Bucket,
                response.StatusCode == HttpStatusCode.TooManyRequests ? rateLimit with { Remaining = 0 } : rateLimit);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var isJson = mediaType is not null && mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFor(response, body, isJson, rateLimit);
        }

        // Media still processing may be answered with no body at all (the API description gives 206 none).
        if (request.EmptyWhileProcessing && response.StatusCode == HttpStatusCode.PartialContent && body.Length == 0)
        {
            return new MastodonResponse<T>(default!, rateLimit, null, null) { StatusCode = response.StatusCode };
        }

        // A success status with a page from a proxy or captive portal: nothing reached Mastodon for sure, so try again.
        if (!isJson)
        {
            throw new MastodonApiException(
                AccountName, response.StatusCode, $"expected JSON but received {mediaType ?? "no content type"}", isRetryable: true);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(body, responseType);
        }
        catch (JsonException exception)
        {
            throw new MastodonApiException(
                AccountName, response.StatusCode, $"unreadable JSON: {exception.Message}", isRetryable: true, innerException: exception);
        }

        if (value is null)
        {
            throw new MastodonApiException(AccountName, response.StatusCode, "the response body was null", isRetryable: true);
        }

        var (nextMaxId, prevMinId) = MastodonLinkHeader.ReadCursors(response.Headers);
        return new MastodonResponse<T>(value, rateLimit, nextMaxId, prevMinId) { StatusCode = response.StatusCode };
    }

    // The status code decides the kind of failure; the body only adds Mastodon's explanation when it is JSON.
    private MastodonApiException ErrorFor(HttpResponseMessage response, string body, bool isJson, MastodonRateLimit? rateLimit)
    {
        var status = response.StatusCode;
        var error = (isJson ? ReadError(body) : null)
            ?? (body.Length == 0
                ? $"empty {response.ReasonPhrase} response"
                : $"non-JSON {response.Content.Headers.ContentType?.MediaType ?? "untyped"} response");

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new MastodonAuthorizationException(AccountName, status, error);
        }

        var now = _timeProvider.GetUtcNow();
        if (status == HttpStatusCode.TooManyRequests)
        {
            // Mastodon sends no Retry-After on a 429; X-RateLimit-Reset says when the window opens again.
            var untilReset = rateLimit is not null && rateLimit.Reset > now ? rateLimit.Reset - now : (TimeSpan?)null;
            return new MastodonApiException(AccountName, status, error, isRetryable: true, RetryAfter(response, now) ?? untilReset);
        }

        var retryable = status == HttpStatusCode.RequestTimeout || (int)status >= 500;
        return new MastodonApiException(AccountName, status, error, retryable, retryable ? RetryAfter(response, now) : null);
    }

    private static string? ReadError(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, MastodonJsonContext.Default.JsonError);
            if (string.IsNullOrWhiteSpace(error?.Error))
            {
                return null;
            }

            return string.IsNullOrWhiteSpace(error.ErrorDescription) ? error.Error : $"{error.Error}: {error.ErrorDescription}";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when date > now => date - now,
            _ => null,
        };

    private static string StripQuery(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery[..query];
    }
}
