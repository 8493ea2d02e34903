using System.Text;
using CommunityBot.Announcements;
using CommunityBot.Content;

namespace CommunityBot.Tests.Announcements;

public sealed class FeedParserTests
{
    private static FeedItem ParseOne(string title, string? link, string guid = "g1")
    {
        var linkElement = link is null ? "" : $"<link>{System.Security.SecurityElement.Escape(link)}</link>";
        var rss = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>T</title><link>https://example.org/</link><description>d</description>
            <item><title>{title}</title>{linkElement}<guid isPermaLink="false">{guid}</guid></item>
            </channel></rss>
            """;
        return Assert.Single(FeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(rss))));
    }

    [Fact]
    public void Parse_AnIdLongerThanAnOutboxKeyTakes_IsItsHash_TheSameAtEveryRead()
    {
        var guid = new string('g', 5_000);

        var first = ParseOne("Title", "https://example.org/a", guid);
        var again = ParseOne("Title", "https://example.org/a", guid);

        Assert.StartsWith("sha256:", first.Id, StringComparison.Ordinal);
        Assert.InRange(first.Id!.Length, 1, FeedParser.MaxIdLength);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("g1", ParseOne("Title", "https://example.org/a").Id);
    }

    [Fact]
    public void Parse_AVeryLongTitle_IsCutWithAnEllipsis()
    {
        var item = ParseOne(new string('t', 10_000), "https://example.org/a");

        Assert.Equal(FeedParser.MaxTitleLength, item.Title.Length);
        Assert.EndsWith("…", item.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/essay")]
    public void Parse_LinkOfAnotherScheme_IsDropped_AsNotHttp(string link)
    {
        var item = ParseOne("An essay", link);

        Assert.Null(item.Link);
        Assert.Equal(FeedLinkProblem.NotHttp, item.LinkProblem);
        Assert.Equal("g1", item.Id);
    }

    [Fact]
    public void Parse_LinkLongerThan2048Characters_IsDropped_AsTooLong()
    {
        var link = "https://example.org/" + new string('a', FeedParser.MaxLinkLength);

        var item = ParseOne("An essay", link);

        Assert.Null(item.Link);
        Assert.Equal(FeedLinkProblem.TooLong, item.LinkProblem);
    }

    [Fact]
    public void Parse_HttpsLinkOfExactly2048Characters_IsKept()
    {
        var link = "https://example.org/" + new string('a', FeedParser.MaxLinkLength - "https://example.org/".Length);

        var item = ParseOne("An essay", link);

        Assert.Equal(link, item.Link!.AbsoluteUri);
        Assert.Null(item.LinkProblem);
    }

    [Fact]
    public void Parse_ItemWithoutLink_HasNoLink_AndSaysItIsMissing()
    {
        var item = ParseOne("An essay", link: null);

        Assert.Null(item.Link);
        Assert.Equal(FeedLinkProblem.Missing, item.LinkProblem);
    }

    [Fact]
    public void Parse_ControlCharactersInTitleIdAndLink_AreRemoved_AndTheTitleIsOneLine()
    {
        var item = ParseOne("Quiet\u009b2J\u007f\n\tCourage\u0085 ", "https://example.org/quiet\u0085-courage", guid: "id\u009f-1");

        Assert.Equal("Quiet2J Courage", item.Title);
        Assert.Equal("id-1", item.Id);
        Assert.Equal("https://example.org/quiet-courage", item.Link!.AbsoluteUri);
        Assert.DoesNotContain(item.Title + item.Id + item.Link, ControlCharacters.IsControl);
    }
}
