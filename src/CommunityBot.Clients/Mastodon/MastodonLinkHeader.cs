using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CommunityBot.Clients.Mastodon;

/// <summary>Reads the pagination cursors out of a Link header such as <c>&lt;…?max_id=14&gt;; rel="next", &lt;…?min_id=17&gt;; rel="prev"</c>.</summary>
internal static partial class MastodonLinkHeader
{
    public static (string? NextMaxId, string? PrevMinId) ReadCursors(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return (null, null);
        }

        string? next = null;
        string? prev = null;
        foreach (Match link in LinkPattern().Matches(string.Join(",", values)))
        {
            var url = link.Groups["url"].Value;
            var queryStart = url.IndexOf('?', StringComparison.Ordinal);
            var query = queryStart < 0 ? "" : url[(queryStart + 1)..];
            switch (link.Groups["rel"].Value)
            {
                case "next":
                    next = QueryValue(query, "max_id");
                    break;
                case "prev":
                    prev = QueryValue(query, "min_id");
                    break;
            }
        }

        return (next, prev);
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && Uri.UnescapeDataString(pair[..separator]) == name)
            {
                return Uri.UnescapeDataString(pair[(separator + 1)..]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"<(?<url>[^>]+)>\s*;\s*rel=""?(?<rel>[a-z]+)""?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
