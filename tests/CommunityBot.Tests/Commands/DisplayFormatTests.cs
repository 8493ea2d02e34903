using CommunityBot.Commands;

namespace CommunityBot.Tests.Commands;

public class DisplayFormatTests
{
    [Theory]
    [InlineData(0, "problem", null, "0 problems")]
    [InlineData(1, "problem", null, "1 problem")]
    [InlineData(2, "problem", null, "2 problems")]
    [InlineData(1, "further resource", null, "1 further resource")]
    [InlineData(1, "essay", "essays", "1 essay")]
    [InlineData(3, "entry", "entries", "3 entries")]
    public void Count_AgreesWithTheNumber(int count, string singular, string? plural, string expected)
    {
        Assert.Equal(expected, DisplayFormat.Count(count, singular, plural));
    }
}
