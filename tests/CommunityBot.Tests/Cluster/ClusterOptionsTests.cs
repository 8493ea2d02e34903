using CommunityBot.Cluster;
using Microsoft.Extensions.Configuration;

namespace CommunityBot.Tests.Cluster;

public sealed class ClusterOptionsTests
{
    private readonly ClusterOptionsValidator _validator = new();

    [Fact]
    public void InstanceId_Default_IsTheHostNameAndProcessId_AndValid()
    {
        var options = new ClusterOptions();

        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", options.InstanceId);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void InstanceId_Empty_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new ClusterOptions { InstanceId = " " });

        Assert.StartsWith("Cluster:InstanceId is required;", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bot 1")]
    [InlineData("bot\n1")]
    public void InstanceId_WithSpaces_FailsNamingTheKey(string id)
    {
        var result = _validator.Validate(null, new ClusterOptions { InstanceId = id });

        Assert.StartsWith($"Cluster:InstanceId: '{id}' is not an instance id;", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void InstanceId_LongerThanQuartzKeeps_FailsNamingTheKey()
    {
        var result = _validator.Validate(null, new ClusterOptions { InstanceId = new string('a', 201) });

        Assert.Contains("Cluster:InstanceId", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(_validator.Validate(null, new ClusterOptions { InstanceId = new string('a', 200) }).Succeeded);
    }

    [Fact]
    public void InstanceId_ForQuartz_IsTheConfiguredOne_OrTheDefault()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:InstanceId"] = "bot-1" }).Build();

        Assert.Equal("bot-1", ClusterServiceCollectionExtensions.InstanceId(configured));
        Assert.Equal(new ClusterOptions().InstanceId, ClusterServiceCollectionExtensions.InstanceId(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void Size_Default_IsOneInstance_AndValid()
    {
        var options = new ClusterOptions();

        Assert.Equal(1, options.Size);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void Size_OutOfRange_FailsNamingTheKey(int size)
    {
        var result = _validator.Validate(null, new ClusterOptions { Size = size });

        Assert.StartsWith($"Cluster:Size: '{size}' is out of range; expected between 1 and 50", result.FailureMessage, StringComparison.Ordinal);
    }
}
