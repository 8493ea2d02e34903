using CommunityBot.Mastodon;

namespace CommunityBot.Tests.Mastodon;

public sealed class ReplyVisibilityTests
{
    [Theory]
    [InlineData("public", "unlisted", "unlisted")]
    [InlineData("private", "public", "private")]
    [InlineData("direct", "public", "direct")]
    [InlineData("unlisted", "unlisted", "unlisted")]
    public void Stricter_KnownVisibilities_GivesTheMoreClosedOne(string mention, string account, string expected) =>
        Assert.Equal(expected, ReplyVisibility.Stricter(mention, account));

    [Theory]
    [InlineData("local", "public")]
    [InlineData("limited", "unlisted")]
    [InlineData("mutuals_only", "private")]
    [InlineData("Public", "public")]
    [InlineData("", "public")]
    public void Stricter_AnUnknownMentionVisibility_IsDirect(string mention, string account) =>
        Assert.Equal("direct", ReplyVisibility.Stricter(mention, account));
}
