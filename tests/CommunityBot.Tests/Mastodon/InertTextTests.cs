using CommunityBot.Mastodon;

namespace CommunityBot.Tests.Mastodon;

public sealed class InertTextTests
{
    [Theory]
    [InlineData("(@victim@mastodon.social)")]
    [InlineData("\"@victim")]
    [InlineData("＠victim ﹫victim")]
    [InlineData("#tag ＃tag ﹟tag (#tag)")]
    public void Of_HandlesAndHashtags_AreBrokenWithAnInvisibleJoiner(string text)
    {
        var inert = InertText.Of(text);

        Assert.Equal(text, inert.Replace("\u2060", "", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"[@＠﹫#＃﹟][^\u2060]", inert);
    }

    [Fact]
    public void Of_ALinkFromTheJournal_KeepsItsFragment_AndItsAtSignsArePercentEncoded()
    {
        var inert = InertText.Of("see https://rights-studio.org/@journal/essay#references and @victim");

        Assert.Equal("see https://rights-studio.org/%40journal/essay#references and @\u2060victim", inert);
    }

    [Theory]
    [InlineData("https://evil.example/x-@victim@mastodon.social")]
    [InlineData("https://evil.example/(@victim@mastodon.social)")]
    public void Of_AnAtSignInsideALink_CannotMentionAnyone(string link)
    {
        var inert = InertText.Of($"read {link}");

        Assert.DoesNotContain("@victim", inert, StringComparison.Ordinal);
        Assert.Contains("%40victim%40mastodon.social", inert, StringComparison.Ordinal);
    }
}
