using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Benchmarks;

/// <summary>
/// POST /channels/{id}/messages with Discord's documented limits: a per-channel bucket (X-RateLimit-* headers, 429 with
/// scope "user") and a global limit in fixed one-second windows (429 with scope "global", X-RateLimit-Global). A nonce sent
/// with enforce_nonce returns the message already created for it instead of a second one. A 429 costs no request.
/// </summary>
internal sealed class FakeChannelMessages(int globalPerSecond, int bucketLimit, TimeSpan bucketWindow)
{
    private const string Bucket = "80c17d2f203122d936070c88c8d10f33";

    private readonly Lock _lock = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly long _bucketTicks = (long)(bucketWindow.TotalSeconds * Stopwatch.Frequency);
    private readonly Dictionary<ulong, (long ResetAt, int Used)> _buckets = [];
    private readonly Dictionary<ulong, int> _userLimited = [];
    private readonly Dictionary<string, ulong> _messageByNonce = new(StringComparer.Ordinal);
    private readonly List<long> _accepted = [];
    private long _globalWindow = -1;
    private int _globalUsed;
    private int _globalLimited;
    private int _globalLimitedWindows;
    private long _lastGlobalLimitedWindow = -1;
    private int _replayedNonces;
    private int _withoutNonce;
    private ulong _nextMessageId = 5_000_000_000_000_000_000UL;

    public async Task HandleAsync(HttpContext context, string channel)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var now = Stopwatch.GetTimestamp();
        if (!ulong.TryParse(channel, CultureInfo.InvariantCulture, out var channelId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var nonce = body.RootElement.TryGetProperty("nonce", out var n) ? n.GetString() : null;
        var enforce = body.RootElement.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;

        var outcome = Admit(channelId, nonce, enforce, now);
        var response = context.Response;
        if (outcome.Scope is not null)
        {
            response.Headers["X-RateLimit-Scope"] = outcome.Scope;
            if (outcome.Scope == "global")
                response.Headers["X-RateLimit-Global"] = "true";
            else
                WriteBucketHeaders(response, 0, outcome.ResetAfter);
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = Math.Ceiling(outcome.ResetAfter).ToString(CultureInfo.InvariantCulture);
            await WriteJsonAsync(response, string.Create(CultureInfo.InvariantCulture,
                $"{{\"message\":\"You are being rate limited.\",\"retry_after\":{outcome.ResetAfter:F3},\"global\":{(outcome.Scope == "global" ? "true" : "false")},\"code\":0}}"));
            return;
        }
        WriteBucketHeaders(response, outcome.Remaining, outcome.ResetAfter);
        var nonceJson = nonce is null ? "null" : JsonSerializer.Serialize(nonce);
        await WriteJsonAsync(response,
            $"{{\"id\":\"{outcome.MessageId}\",\"channel_id\":\"{channelId}\",\"type\":0,\"content\":\"\",\"nonce\":{nonceJson}," +
            $"\"author\":{GatewayFrames.UserJson},\"timestamp\":\"{DateTimeOffset.UtcNow:O}\",\"embeds\":[]}}");
    }

    private Outcome Admit(ulong channelId, string? nonce, bool enforce, long now)
    {
        lock (_lock)
        {
            var window = (now - _origin) / Stopwatch.Frequency;
            if (window != _globalWindow)
            {
                _globalWindow = window;
                _globalUsed = 0;
            }
            if (_globalUsed >= globalPerSecond)
            {
                _globalLimited++;
                if (_lastGlobalLimitedWindow != window)
                {
                    _lastGlobalLimitedWindow = window;
                    _globalLimitedWindows++;
                }
                return new Outcome("global", 0, Seconds(_origin + ((window + 1) * Stopwatch.Frequency) - now), 0);
            }

            var bucket = _buckets.GetValueOrDefault(channelId);
            if (bucket.ResetAt <= now)
                bucket = (now + _bucketTicks, 0);
            var resetAfter = Seconds(bucket.ResetAt - now);
            if (bucket.Used >= bucketLimit)
            {
                _userLimited[channelId] = _userLimited.GetValueOrDefault(channelId) + 1;
                return new Outcome("user", 0, resetAfter, 0);
            }
            _globalUsed++;
            _buckets[channelId] = bucket = (bucket.ResetAt, bucket.Used + 1);
            _accepted.Add(now);

            ulong messageId;
            if (nonce is null || !enforce)
            {
                _withoutNonce++;
                messageId = _nextMessageId++;
            }
            else if (_messageByNonce.TryGetValue(nonce, out messageId))
            {
                _replayedNonces++;
            }
            else
            {
                messageId = _nextMessageId++;
                _messageByNonce[nonce] = messageId;
            }
            return new Outcome(null, bucketLimit - bucket.Used, resetAfter, messageId);
        }
    }

    public FanoutRecord Snapshot()
    {
        lock (_lock)
        {
            return new FanoutRecord(
                [.. _accepted], _messageByNonce.Count, _replayedNonces, _withoutNonce, _globalLimited, _globalLimitedWindows,
                _userLimited.Values.Sum(), _userLimited.Values.Count(c => c > 1));
        }
    }

    private void WriteBucketHeaders(HttpResponse response, int remaining, double resetAfter)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = bucketLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0) + resetAfter).ToString("F3", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("F3", CultureInfo.InvariantCulture);
        // One bucket id for the route; the channel (its major parameter) is what keeps the buckets apart.
        headers["X-RateLimit-Bucket"] = Bucket;
    }

    private static Task WriteJsonAsync(HttpResponse response, string json)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(json, response.HttpContext.RequestAborted);
    }

    private static double Seconds(long ticks) => Math.Max(0, ticks) / (double)Stopwatch.Frequency;

    // Scope is null when the message was accepted.
    private readonly record struct Outcome(string? Scope, int Remaining, double ResetAfter, ulong MessageId);
}
