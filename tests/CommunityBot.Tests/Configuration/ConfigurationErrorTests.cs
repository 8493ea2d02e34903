namespace CommunityBot.Tests.Configuration;

/// <summary>A bad configuration value, given the way an operator gives it, on the built program.</summary>
public sealed class ConfigurationErrorTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "--Delivery:PollInterval=banana", "Delivery:PollInterval", "'banana' is not a duration" },
        { "--Schedule:Epigraph:Cron=bogus", "Schedule:Epigraph:Cron", "'bogus' is not a cron expression" },
        { "--Schedule:Epigraph:TimeZone=Mars/Olympus", "Schedule:Epigraph:TimeZone", "'Mars/Olympus' is not a time zone" },
        { "--Schedule:MisfireGrace=-00:05:00", "Schedule:MisfireGrace", "'-00:05:00' is out of range; expected between 00:01:00 and 7.00:00:00" },
        { "--Discord:Token=abc", "Discord:ApplicationId", "is required when Discord:Token is set" },
        { "--Content:Path=/nonexistent", "Content:Path", "'/nonexistent' is not a folder" },
        { "--Delivery:MaxAttempts=many", "Delivery:MaxAttempts", "'many' is not a whole number" },
        { "--Storage:Provider=Mongo", "Storage:Provider", "'Mongo' is not a storage provider" },
        { "--Cluster:Size=0", "Cluster:Size", "'0' is out of range; expected between 1 and 50" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task LongRunningBot_WithABadValue_SaysWhichKeyInOneLine_AndExits2(string argument, string key, string problem)
    {
        var (exitCode, output, error) = await BotProcess.RunToEndSeparatelyAsync(_timeout, null, argument);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Configuration error: {key}", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    public static TheoryData<string[], string> BadListenerValues => new()
    {
        { ["--Http:Urls=ftp://127.0.0.1:8080"], "Http:Urls: 'ftp://127.0.0.1:8080' is not an address to listen on" },
        { ["--Discord:Token=abc", "--Discord:ApplicationId=1", "--Discord:PublicKey=not-hex"], "Discord:PublicKey: 'not-hex' is not an Ed25519 public key" },
        { ["--Discord:Token=abc", "--Discord:ApplicationId=1", "--Discord:PublicKey=" + new string('a', 64)], "Discord:PublicKey: '(set)' turns on POST /interactions, but Http:Urls is empty" },
    };

    [Theory]
    [MemberData(nameof(BadListenerValues))]
    public async Task ListenerKeys_WithABadValue_SayWhichKeyInOneLine_AndExit2(string[] arguments, string problem)
    {
        var (exitCode, output, error) = await BotProcess.RunToEndSeparatelyAsync(_timeout, null, arguments);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Configuration error: {problem}", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task OneShotVerb_WithABadValue_IsRefusedTheSameWay()
    {
        var (exitCode, _, error) = await BotProcess.RunToEndSeparatelyAsync(_timeout, null, "quote", "camus", "--Content:Path=/nonexistent");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: Content:Path: '/nonexistent'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "Discord:ShardIds: 'x' is not a list of shard ids")]
    [InlineData("0,2", "Discord:ShardIds: '0,2' has a shard outside 0..1")]
    public async Task ShardIds_AsOnePlainValue_AreCheckedLikeTheIndexedForm(string value, string problem)
    {
        var (exitCode, output, error) = await BotProcess.RunToEndSeparatelyAsync(
            _timeout, null, "--Discord:Token=abc", "--Discord:ApplicationId=1", "--Discord:ShardCount=2", $"--Discord:ShardIds={value}");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Configuration error: {problem}", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task SeveralBadValues_AreEachOneLine_InTheSameStart()
    {
        var (exitCode, _, error) = await BotProcess.RunToEndSeparatelyAsync(
            _timeout, null, "--Discord:Token=abc", "--Discord:ApplicationId=1", "--Discord:ShardIds:0=3", "--Discord:ShardCount=2", "--Delivery:MaxAttempts=0", "--Storage:Provider=Mongo");

        Assert.Equal(2, exitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Discord:ShardIds: '3' has a shard outside 0..1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Delivery:MaxAttempts: '0' is out of range", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Storage:Provider: 'Mongo'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClusterSize_LeavingAnInstanceLessThanOneRequestASecond_IsRefusedNamingIt()
    {
        var (exitCode, output, error) = await BotProcess.RunToEndSeparatelyAsync(
            _timeout, null, "--Discord:Token=abc", "--Discord:ApplicationId=1", "--Discord:GlobalRequestsPerSecond=10", "--Cluster:Size=20");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: Cluster:Size: '20' leaves each instance less than one of Discord:GlobalRequestsPerSecond (10)", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
