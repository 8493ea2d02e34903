using System.Globalization;
using System.Net.Http.Headers;

namespace CommunityBot.Clients.Mastodon;

/// <summary>
/// The X-RateLimit-* headers of one response. Mastodon reports the overlapping limit the request is closest to
/// exhausting, so read these rather than assuming 300 per 5 minutes.
/// </summary>
public sealed record MastodonRateLimit(int Limit, int Remaining, DateTimeOffset Reset)
{
    /// <summary>
    /// The spacing that spreads the remaining requests evenly until the reset; a poller that waits at least this long
    /// between calls never runs the limit dry.
    /// </summary>
    public TimeSpan SuggestedInterval(DateTimeOffset now)
    {
        var untilReset = Reset - now;
        if (untilReset <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return untilReset / Math.Max(Remaining, 1);
    }

    internal static MastodonRateLimit? FromHeaders(HttpResponseHeaders headers)
    {
        if (TryGetInt(headers, "X-RateLimit-Limit", out var limit)
            && TryGetInt(headers, "X-RateLimit-Remaining", out var remaining)
            && TryGetSingle(headers, "X-RateLimit-Reset", out var resetText)
            && DateTimeOffset.TryParse(
                resetText,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var reset))
        {
            return new MastodonRateLimit(limit, remaining, reset);
        }

        return null;
    }

    private static bool TryGetInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return TryGetSingle(headers, name, out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryGetSingle(HttpResponseHeaders headers, string name, out string value)
    {
        value = "";
        if (!headers.TryGetValues(name, out var values))
        {
            return false;
        }

        value = values.FirstOrDefault() ?? "";
        return value.Length > 0;
    }
}
