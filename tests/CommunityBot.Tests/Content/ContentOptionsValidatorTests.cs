using CommunityBot.Content;

namespace CommunityBot.Tests.Content;

public sealed class ContentOptionsValidatorTests
{
    private readonly ContentOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid_WithAOneMegabyteFileCap()
    {
        var options = new ContentOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(1_048_576, options.MaxFileBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxFileBytesNotPositive_FailsNamingTheKey(int bytes)
    {
        var result = _validator.Validate(null, new ContentOptions { MaxFileBytes = bytes });

        Assert.True(result.Failed);
        Assert.Contains("Content:MaxFileBytes", result.FailureMessage, StringComparison.Ordinal);
    }
}
