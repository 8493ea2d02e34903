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
    public void Of_ALinkFromTheJournal_IsLeftWhole()
    {
        const string Link = "https://rights-studio.org/@journal/essay#references";

        var inert = InertText.Of($"see {Link} and @victim");

        Assert.Equal($"see {Link} and @\u2060victim", inert);
    }
}
