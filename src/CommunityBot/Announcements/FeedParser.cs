using System.Globalization;
using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using CommunityBot.Commands;
using CommunityBot.Content;

namespace CommunityBot.Announcements;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication. Only the standard elements are used (guid or
/// id, link, title, pubDate or published/updated), so nothing depends on one publisher's extensions. A date that
/// does not parse leaves the item undated instead of failing the whole feed. A feed is a stranger's text: control
/// characters are removed from everything read, and only http(s) links are kept.
/// </summary>
public static class FeedParser
{
    public const int MaxLinkLength = 2048;

    private static readonly XmlReaderSettings _settings = new()
    {
        // No DTDs fetched or expanded: a feed is untrusted input.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
    };

    private static readonly string[] _rfc822Formats =
        ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm zzz"];

    public static IReadOnlyList<FeedItem> Parse(Stream content)
    {
        try
        {
            using var reader = XmlReader.Create(content, _settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            formatter.DateTimeParser = TryParseDate;
            if (!formatter.CanRead(reader))
            {
                throw new FeedFormatException($"the document is <{reader.Name}>, neither RSS 2.0 (<rss>) nor Atom (<feed>)");
            }
            formatter.ReadFrom(reader);
            return [.. formatter.Feed.Items.Select(Read)];
        }
        catch (XmlException exception)
        {
            throw new FeedFormatException($"not well-formed XML: {exception.Message}", exception);
        }
    }

    private static FeedItem Read(SyndicationItem item)
    {
        var link = item.Links.FirstOrDefault(l => string.IsNullOrEmpty(l.RelationshipType) || l.RelationshipType == "alternate");
        var (address, problem) = CheckLink(link);
        var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
        var id = item.Id is null ? "" : ControlCharacters.Strip(item.Id).Trim();
        return new FeedItem(id.Length == 0 ? null : ShortId(id), address, DisplayFormat.Excerpt(ControlCharacters.SingleLine(item.Title?.Text ?? ""), MaxTitleLength), published, problem);
    }

    /// <summary>The longest id kept as it is; it becomes part of outbox keys and of Mastodon's Idempotency-Key header.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The longest title kept whole: a heading, not a page, and it must leave room in a status.</summary>
    public const int MaxTitleLength = 300;

    // A longer id is still the same id every time it is read, so its hash identifies it as well.
    private static string ShortId(string id) =>
        id.Length <= MaxIdLength ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static (Uri? Link, FeedLinkProblem? Problem) CheckLink(SyndicationLink? link)
    {
        var text = link?.Uri is { } uri ? ControlCharacters.Strip(uri.OriginalString).Trim() : "";
        if (text.Length == 0)
        {
            return (null, FeedLinkProblem.Missing);
        }
        if (text.Length > MaxLinkLength)
        {
            return (null, FeedLinkProblem.TooLong);
        }
        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var parsed))
        {
            return (null, FeedLinkProblem.NotAbsolute);
        }
        if (!parsed.IsAbsoluteUri && (link!.BaseUri is not { IsAbsoluteUri: true } baseUri || !Uri.TryCreate(baseUri, parsed, out parsed)))
        {
            return (null, FeedLinkProblem.NotAbsolute);
        }
        if (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
        {
            return (null, FeedLinkProblem.NotHttp);
        }
        return parsed.AbsoluteUri.Length > MaxLinkLength ? (null, FeedLinkProblem.TooLong) : (parsed, null);
    }

    private static bool TryParseDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        var text = data.DateTimeString.Trim();
        // RFC 822 as RSS writes it ("Thu, 05 Mar 2026 22:08:13 +0000"; "GMT" and "UT" mean +0000), else ISO 8601 as Atom does.
        var rfc822 = ColonZone(text.EndsWith(" GMT", StringComparison.Ordinal) || text.EndsWith(" UT", StringComparison.Ordinal)
            ? text[..text.LastIndexOf(' ')] + " +0000"
            : text);
        return DateTimeOffset.TryParseExact(rfc822, _rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    /// <summary>"+0100" as "+01:00", which .NET's zzz reads.</summary>
    private static string ColonZone(string text) =>
        text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit) ? text[..^2] + ":" + text[^2..] : text;
}
