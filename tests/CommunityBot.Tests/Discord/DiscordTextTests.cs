using CommunityBot.Discord;

namespace CommunityBot.Tests.Discord;

public sealed class DiscordTextTests
{
    [Fact]
    public void Escape_EveryMarkdownCharacter_IsBackslashed()
    {
        var escaped = DiscordText.Escape(@"[Log in](https://evil.example) **b** __u__ ~~s~~ `c` ||spoiler|| > q # h -# sub <@123> a\b");

        Assert.Equal(@"\[Log in\]\(https://evil.example\) \*\*b\*\* \_\_u\_\_ \~\~s\~\~ \`c\` \|\|spoiler\|\| \> q \# h \-\# sub \<@123\> a\\b", escaped);
    }

    [Fact]
    public void Escape_ListMarkersAtLineStart_AreEscaped_ButNotInsideALine()
    {
        Assert.Equal("1\\. one\n  \\+ two\nsection 2. and 3+4", DiscordText.Escape("1. one\n  + two\nsection 2. and 3+4"));
    }

    [Fact]
    public void Escape_ControlCharacters_AreRemoved_LineBreaksAndTabsKept()
    {
        Assert.Equal("ab\nc\td", DiscordText.Escape("a\u001b\u009bb\r\nc\td\u007f\u0000"));
    }

    [Fact]
    public void FitEscaped_CutThroughAnEscape_LeavesNoLoneBackslash()
    {
        var fitted = DiscordText.FitEscaped(new string('*', 20), 10);

        Assert.Equal(@"\*\*\*\*…", fitted);
        Assert.True(fitted.Length <= 10);
    }

    [Fact]
    public void Link_IsInAngleBrackets_AndPercentEncoded()
    {
        Assert.Equal("<https://example.org/a%20b%3E[x](y)>", DiscordText.Link(new Uri("https://example.org/a b>[x](y)")));
    }
}
