using CommunityBot.Commands;

namespace CommunityBot.Tests.Commands;

public class CommandParserTests
{
    [Theory]
    [InlineData("quote camus", "author", "camus")]
    [InlineData("/quote   albert camus", "author", "albert camus")]
    [InlineData("quote --author camus", "author", "camus")]
    [InlineData("quote --author=camus", "author", "camus")]
    [InlineData("essay expansive solidarity", "essay", "expansive solidarity")]
    [InlineData("ESSAYS 2", "page", "2")]
    [InlineData("search capacious grief", "text", "capacious grief")]
    public void Parse_FillsTheOption(string input, string option, string value)
    {
        var parsed = CommandParser.Parse(input);

        Assert.Null(parsed.Problem);
        Assert.Equal(value, parsed.Request!.Option(option));
    }

    [Fact]
    public void Parse_SeveralNamedOptions()
    {
        var request = CommandParser.Parse("quote --author camus --essay sites of protest").Request!;

        Assert.Equal(("quote", "camus", "sites of protest"), (request.Name, request.Option("author"), request.Option("essay")));
    }

    [Fact]
    public void Parse_UnknownOption_ListsTheKnownOnes()
    {
        var problem = CommandParser.Parse("quote --colour red").Problem!;

        Assert.Contains("--colour", problem.Message, StringComparison.Ordinal);
        Assert.Contains("--author, --essay, --text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextForACommandWithoutOptions_IsAProblem()
    {
        Assert.NotNull(CommandParser.Parse("about the bot").Problem);
    }

    [Fact]
    public void Parse_UnknownCommand_IsLeftToTheCore()
    {
        Assert.Equal("frobnicate", CommandParser.Parse("frobnicate now").Request!.Name);
    }

    [Fact]
    public void Parse_Nothing_IsAProblem()
    {
        Assert.NotNull(CommandParser.Parse("   ").Problem);
    }
}
