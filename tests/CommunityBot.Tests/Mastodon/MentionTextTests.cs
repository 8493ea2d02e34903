using CommunityBot.Mastodon;

namespace CommunityBot.Tests.Mastodon;

public sealed class MentionTextTests
{
    private const string BotMention = """<span class="h-card"><a href="https://social.example/@epigraphs" class="u-url mention">@<span>epigraphs</span></a></span>""";

    [Fact]
    public void CommandOf_AMentionBehindAZeroWidthSpace_IsStillTakenOut()
    {
        var command = MentionText.CommandOf($"<p>{BotMention} essay \u200B@victim@mastodon.social solidarity</p>");

        Assert.Equal("essay solidarity", command);
    }

    [Theory]
    [InlineData("quote\u200D ca\u200Cmus\u2060")]
    [InlineData("\u202Equote\u202C \u2066camus\u2069")]
    [InlineData("\u200Equote \uFEFFcamus\u200F")]
    [InlineData("quote\u0007camus\u00AD")]
    public void CommandOf_ZeroWidthAndBidiControls_AreRemovedBeforeParsing(string typed)
    {
        var command = MentionText.CommandOf($"<p>{BotMention} {typed}</p>");

        Assert.Equal("quote camus", command);
    }

    [Fact]
    public void CommandOf_ALongText_IsCutTo200Characters()
    {
        var command = MentionText.CommandOf($"<p>{BotMention} search {new string('a', 5000)}</p>");

        Assert.Equal(200, command.Length);
        Assert.StartsWith("search aaa", command, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandOf_ACutThroughASurrogatePair_LeavesNoHalfCharacter()
    {
        var command = MentionText.CommandOf($"<p>{BotMention} search {new string('a', 192)}😀😀</p>");

        Assert.Equal(199, command.Length);
        Assert.EndsWith("a", command, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("essay https://evil.example/x", "essay evil.example/x")]
    [InlineData("essay HTTP://evil.example", "essay evil.example")]
    [InlineData("essay gemini://evil.example dat://x.example", "essay evil.example x.example")]
    [InlineData("essay hthttps://tps://evil.example", "essay evil.example")]
    [InlineData("essay https:/https:///evil.example", "essay evil.example")]
    [InlineData("essay xmpp:victim@evil.example (magnet:?xt=urn", "essay victim@evil.example (?xt=urn")]
    public void CommandOf_Links_LoseTheirScheme(string typed, string expected)
    {
        var command = MentionText.CommandOf($"<p>{BotMention} {System.Net.WebUtility.HtmlEncode(typed)}</p>");

        Assert.Equal(expected, command);
    }
}
