using System.Globalization;
using System.Net.Http.Headers;

namespace CommunityBot.Clients.Discord.Rest;

internal readonly record struct RateLimitHeaders(string Bucket, int Limit, int Remaining, TimeSpan ResetAfter)
{
    public static bool TryRead(HttpResponseHeaders headers, out RateLimitHeaders result)
    {
        result = default;
        if (!TryGet(headers, "X-RateLimit-Bucket", out var bucket)
            || !TryGet(headers, "X-RateLimit-Limit", out var limitText)
            || !TryGet(headers, "X-RateLimit-Remaining", out var remainingText)
            || !TryGet(headers, "X-RateLimit-Reset-After", out var resetText)
            || !int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            || !int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !double.TryParse(resetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
            return false;

        result = new RateLimitHeaders(bucket, limit, remaining, TimeSpan.FromSeconds(resetAfter));
        return true;
    }

    public static bool TryGet(HttpResponseHeaders headers, string name, out string value)
    {
        value = headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : "";
        return value.Length > 0;
    }
}
