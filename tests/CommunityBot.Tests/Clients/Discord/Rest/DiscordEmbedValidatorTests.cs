using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;

namespace CommunityBot.Tests.Clients.Discord.Rest;

public sealed class DiscordEmbedValidatorTests
{
    [Fact]
    public void FindViolation_EmbedAtEveryLimit_IsNull()
    {
        var embed = new JsonEmbed
        {
            Title = new string('t', DiscordLimits.EmbedTitle),
            Description = new string('d', 2000),
            Author = new JsonEmbedAuthor { Name = new string('a', DiscordLimits.EmbedAuthorName) },
            Fields = [new JsonEmbedField { Name = new string('n', DiscordLimits.EmbedFieldName), Value = new string('v', DiscordLimits.EmbedFieldValue) }],
        };

        Assert.Null(DiscordEmbedValidator.FindViolation(new string('c', DiscordLimits.MessageContent), [embed]));
    }

    [Fact]
    public void FindViolation_WhitespaceIsTrimmedBeforeCounting()
    {
        Assert.Null(DiscordEmbedValidator.FindViolation(new JsonEmbed { Title = "  " + new string('t', DiscordLimits.EmbedTitle) + "\n" }));
    }

    public static TheoryData<JsonEmbed, string> Violations => new()
    {
        { new JsonEmbed { Title = new string('t', 257) }, "embed 0 title is 257 characters (limit 256)" },
        { new JsonEmbed { Description = new string('d', 4097) }, "embed 0 description is 4097 characters (limit 4096)" },
        { new JsonEmbed { Footer = new JsonEmbedFooter { Text = new string('f', 2049) } }, "embed 0 footer text is 2049 characters (limit 2048)" },
        { new JsonEmbed { Author = new JsonEmbedAuthor { Name = new string('a', 257) } }, "embed 0 author name is 257 characters (limit 256)" },
        { new JsonEmbed { Fields = [new JsonEmbedField { Name = "n", Value = new string('v', 1025) }] }, "embed 0 field 0 value is 1025 characters (limit 1024)" },
        { new JsonEmbed { Fields = [new JsonEmbedField { Name = new string('n', 257), Value = "v" }] }, "embed 0 field 0 name is 257 characters (limit 256)" },
        { new JsonEmbed { Fields = [.. Enumerable.Repeat(new JsonEmbedField { Name = "n", Value = "v" }, 26)] }, "embed 0 has 26 fields (limit 25)" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void FindViolation_NamesTheBrokenLimit(JsonEmbed embed, string expected)
    {
        Assert.Equal(expected, DiscordEmbedValidator.FindViolation(embed));
    }

    [Fact]
    public void FindViolation_TotalAcrossEmbedsOver6000_IsReported()
    {
        var embed = new JsonEmbed { Description = new string('d', 3001) };

        Assert.Equal("embeds total 6002 characters (limit 6000)", DiscordEmbedValidator.FindViolation(null, [embed, embed]));
    }

    [Fact]
    public void FindViolation_ContentAndEmbedCount_AreChecked()
    {
        Assert.Equal("content is 2001 characters (limit 2000)", DiscordEmbedValidator.FindViolation(new string('c', 2001), null));
        Assert.Equal("11 embeds (limit 10)", DiscordEmbedValidator.FindViolation(null, [.. Enumerable.Repeat(new JsonEmbed(), 11)]));
    }
}
