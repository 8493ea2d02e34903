using CommunityBot.Content;

namespace CommunityBot.Announcements;

/// <summary>
/// Something that may be announced: the essay to render, its <see cref="Key"/> (part of every outbox key, so it
/// names the essay the same way whichever source saw it) and every key it can be recognised by later.
/// </summary>
public sealed record AnnouncementCandidate(string Key, IReadOnlyList<string> Aliases, Essay Essay, DateTimeOffset? Date)
{
    public static AnnouncementCandidate FromEssay(Essay essay)
    {
        var key = SlugKey(essay.Slug);
        return new AnnouncementCandidate(key, essay.Url is { } url ? [key, UrlKey(url)] : [key], essay, StartOf(essay.Published));
    }

    /// <summary>
    /// A feed item. When its link is an essay of the folder (same address, or a last path segment equal to the
    /// slug) it is that essay, announced with the folder's richer text and recognised by the item's keys too.
    /// </summary>
    public static AnnouncementCandidate FromFeedItem(FeedItem item, EssayIndex essays, string feedUrl)
    {
        var slug = item.Link is { } link ? LastSegment(link) : null;
        var itemKeys = new List<string>();
        if (item.Id is { } id)
        {
            itemKeys.Add("id:" + id);
        }
        if (item.Link is { } address)
        {
            itemKeys.Add(UrlKey(address));
        }
        if (slug is not null)
        {
            itemKeys.Add(SlugKey(slug));
        }
        if (itemKeys.Count == 0)
        {
            itemKeys.Add($"title:{item.Title}|{item.Published?.UtcDateTime:yyyy-MM-dd}");
        }

        var urlKey = item.Link is { } l ? UrlKey(l) : null;
        var match = essays.Essays.FirstOrDefault(e => e.Url is { } u && UrlKey(u) == urlKey) ?? (slug is null ? null : essays.GetBySlug(slug));
        if (match is not null)
        {
            var essay = FromEssay(match);
            return essay with { Aliases = [.. essay.Aliases.Union(itemKeys, StringComparer.Ordinal)], Date = essay.Date ?? item.Published };
        }
        var fromFeed = new Essay(
            slug ?? "", item.Title.Length > 0 ? item.Title : item.Link?.ToString() ?? "Untitled", item.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null,
            [], [], item.Link, null, [], [], [], [], "", "", feedUrl);
        return new AnnouncementCandidate(itemKeys[0], itemKeys, fromFeed, item.Published);
    }

    /// <summary>Oldest first; undated items after dated ones, in the order given.</summary>
    public static IReadOnlyList<AnnouncementCandidate> OldestFirst(IEnumerable<AnnouncementCandidate> candidates) =>
        [.. candidates.OrderBy(c => c.Date is null).ThenBy(c => c.Date ?? DateTimeOffset.MaxValue)];

    private static string SlugKey(string slug) => "slug:" + slug.ToLowerInvariant();

    /// <summary>
    /// Host without "www." and path without a trailing slash, scheme, query or fragment: a site that moves from
    /// http to https or adds "www." keeps its items' identity.
    /// </summary>
    private static string UrlKey(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return $"url:{host}{url.AbsolutePath.TrimEnd('/')}";
    }

    private static string? LastSegment(Uri url)
    {
        var segment = url.AbsolutePath.TrimEnd('/').Split('/')[^1];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }

    private static DateTimeOffset? StartOf(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
