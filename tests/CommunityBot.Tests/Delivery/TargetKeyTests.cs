using CommunityBot.Delivery;

namespace CommunityBot.Tests.Delivery;

public sealed class TargetKeyTests
{
    public static TheoryData<string, TargetKind, string> Keys => new()
    {
        { "console", TargetKind.Console, "console" },
        { "discord:18446744073709551614:42", TargetKind.Discord, "discord" },
        { "mastodon:main", TargetKind.Mastodon, "mastodon:main" },
        { "mastodon:with:colons", TargetKind.Mastodon, "mastodon:with:colons" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Parse_AKeyItWrote_GivesTheKeyBackWithItsKindAndTransport(string text, TargetKind kind, string transport)
    {
        var key = TargetKey.Parse(text);

        Assert.Equal((kind, transport, text), (key.Kind, key.Transport, key.ToString()));
    }

    [Fact]
    public void Discord_WritesTheStoredForm_AndReadsBackGuildAndChannel()
    {
        var key = TargetKey.Discord(ulong.MaxValue - 1, 42);

        Assert.Equal("discord:18446744073709551614:42", key.ToString());
        Assert.Equal((ulong.MaxValue - 1, 42UL), (TargetKey.Parse(key.ToString()).GuildId, TargetKey.Parse(key.ToString()).ChannelId));
        Assert.StartsWith(TargetKey.DiscordGuildPrefix(ulong.MaxValue - 1), key.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("consoles")]
    [InlineData("discord:1")]
    [InlineData("discord:1:2:3")]
    [InlineData("discord:-1:2")]
    [InlineData("discord: 1:2")]
    [InlineData("mastodon:")]
    [InlineData("carrier-pigeon:1")]
    public void TryParse_NotATarget_IsFalse_AndParseSaysWhatATargetLooksLike(string text)
    {
        Assert.False(TargetKey.TryParse(text, out _));
        var problem = Assert.Throws<FormatException>(() => TargetKey.Parse(text));
        Assert.Contains("discord:<guild>:<channel>", problem.Message, StringComparison.Ordinal);
    }
}
