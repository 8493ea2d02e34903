using CommunityBot.Clients.Mastodon;

namespace CommunityBot.Tests.Clients.Mastodon;

public sealed class MastodonTextCounterTests
{
    [Theory]
    [InlineData("Hello world", 11)]
    [InlineData("Read https://rights-studio.org/journal/expansive-solidarity-and-a-very-long-slug now", 5 + 23 + 4)]
    [InlineData("http://example.org and https://example.net", 23 + 5 + 23)]
    [InlineData("See https://example.com/a.", 4 + 23 + 1)]
    [InlineData("(see https://en.wikipedia.org/wiki/Solidarity_(sociology))", 5 + 23 + 1)]
    [InlineData("https://example.com/search?q=solidarity&page=2#results", 23)]
    [InlineData("example.com has no protocol", 27)]
    [InlineData("https://mastodon.social/@Gargron", 23)]
    public void Count_Urls_CountAsReservedLength(string text, int expected) =>
        Assert.Equal(expected, MastodonTextCounter.Count(text, null, 23));

    [Theory]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 1)]
    [InlineData("\U0001F44D\U0001F3FD", 1)]
    [InlineData("\U0001F1FA\U0001F1E6\U0001F1F5\U0001F1F8", 2)]
    [InlineData("e\u0301te\u0301", 3)]
    [InlineData("a\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466b\U0001F44D\U0001F3FFc", 5)]
    [InlineData("\U0001F469\U0001F3FD\u200D\U0001F4BB codes", 7)]
    public void Count_Emoji_CountsGraphemeClusters(string text, int expected) =>
        Assert.Equal(expected, MastodonTextCounter.Count(text, null, 23));

    [Theory]
    [InlineData("@alice@example.social hi", 9)]
    [InlineData("@alice@example.social, thanks", 14)]
    [InlineData("@bob hi", 7)]
    [InlineData("@first.last@sub.example.org @bob", 11 + 1 + 4)]
    [InlineData("write to me@example.com", 23)]
    public void Count_Mentions_CountOnlyTheLocalPart(string text, int expected) =>
        Assert.Equal(expected, MastodonTextCounter.Count(text, null, 23));

    [Fact]
    public void Count_ContentWarning_SharesTheBudget()
    {
        Assert.Equal(9 + 22, MastodonTextCounter.Count("Body text", "Content warning: grief", 23));
        Assert.Equal(2 + 3, MastodonTextCounter.Count("ok", "\u26A0\uFE0F \U0001F469\U0001F3FD\u200D\U0001F4BB", 23));
    }

    [Fact]
    public void Count_WhitespaceOnlyText_CountsOnlyTheContentWarning() =>
        Assert.Equal(2, MastodonTextCounter.Count("   \n", "cw", 23));

    [Fact]
    public void Count_InstanceReservesOtherUrlLength_UsesIt() =>
        Assert.Equal(30 + 1 + 6, MastodonTextCounter.Count("https://a.example/b @alice@remote.example", null, 30));

    [Fact]
    public void Count_EverythingTogether_MatchesTheServerRule()
    {
        var text = "@reader@mastodon.online \u201CSolidarity is a verb.\u201D \U0001F91D\U0001F3FE https://rights-studio.org/journal/expansive-solidarity #essays";

        var count = MastodonTextCounter.Count(text, "Epigraph \U0001F1FA\U0001F1E6", 23);

        // CW "Epigraph 🇺🇦" 10; "@reader" 7, space, quoted sentence 23, space, 🤝🏾 1, space, URL 23, space, "#essays" 7.
        Assert.Equal(10 + (7 + 1 + 23 + 1 + 1 + 1 + 23 + 1 + 7), count);
    }
}
