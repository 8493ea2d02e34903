using System.Globalization;
using CommunityBot.Announcements;
using CommunityBot.Storage;
using CommunityBot.Tests.Discord;
using CommunityBot.Tests.Fakes;

namespace CommunityBot.Tests.Publishing;

/// <summary>
/// The native AOT executable does what the JIT build does, through the paths that reflection-free compilation could
/// break: configuration binding and validation, the container, Quartz on SQLite, the feed reader, the gateway and REST
/// clients. Run by .ci/run after it publishes.
/// </summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class PublishedExecutableTests : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private static readonly string _seedContent = $"--Content:Path={RepositoryPaths.SeedEssays}";
    private static readonly string _quoteInteraction =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "discord-bot", "interaction-create-quote.json"));

    private readonly TempEssayFolder _folder = new();

    private string Database => $"--Storage:ConnectionString=Data Source={Path.Combine(_folder.Path, "bot.db")}";

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [PublishedExecutableFact]
    public async Task Validate_FindsTheSeedValid()
    {
        var (exitCode, output) = await BotProcess.RunToEndAsync(_timeout, _seedContent, "validate");

        Assert.True(exitCode == 0, output);
    }

    [PublishedExecutableFact]
    public async Task OneShotQuote_PrintsCamus()
    {
        var (exitCode, output, _) = await BotProcess.RunToEndSeparatelyAsync(_timeout, null, _seedContent, "quote", "camus");

        Assert.Equal(0, exitCode);
        Assert.Contains("— Albert Camus", output, StringComparison.Ordinal);
    }

    [PublishedExecutableFact]
    public async Task LocalMode_AnswersACommandOnStandardInput()
    {
        await using var bot = await RunningBot.StartAsync([_seedContent, Database]);

        await bot.AskAsync("quote camus", "— Albert Camus");

        Assert.Equal(0, await bot.StopAsync());
    }

    [PublishedExecutableFact]
    public async Task FeedPoll_ReadsTheLoopbackFeed_AndKeepsItsItemsAsTheBaseline()
    {
        await using var feeds = await FakeFeedServer.StartAsync();
        feeds.Serve("/journal", "journal.rss");
        var url = feeds.Url("/journal");

        await using var bot = await RunningBot.StartAsync([_seedContent, Database, $"--Feeds:0:Url={url}"]);

        // The first poll keeps what the feed holds as the baseline: its items reached the database only if they were read.
        var db = new BotDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "bot.db")}" }));
        var announced = new AnnouncedRepository(db, TimeProvider.System);
        using var deadline = new CancellationTokenSource(_timeout);
        while (await announced.CountAsync(FeedPoller.SourceOf(url), AnnouncedRepository.Baseline, deadline.Token) < 2)
        {
            await Task.Delay(100, deadline.Token);
        }
        Assert.Single(feeds.RequestsTo("/journal"));
        Assert.Equal(0, await bot.StopAsync());
    }

    [PublishedExecutableFact]
    public async Task DiscordSession_AnswersAnInteraction()
    {
        await using var discord = await FakeDiscord.StartAsync(TimeProvider.System);
        using var process = BotProcess.Start([], new Dictionary<string, string>
        {
            ["Discord__Token"] = DiscordBotHost.Token,
            ["Discord__ApplicationId"] = DiscordBotHost.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord__ApiBaseUrl"] = discord.Rest.BaseUrl.ToString(),
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(_folder.Path, "bot.db")}",
            ["Content__Path"] = RepositoryPaths.SeedEssays,
        });
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            var (connection, identify) = await discord.Gateway.NextHandshakeAsync();
            Assert.Equal(DiscordBotHost.Token, identify.Data.GetProperty("token").GetString());
            await connection.SendReadyAsync(discord.Gateway.ResumeUrl);
            await connection.SendAsync(_quoteInteraction);

            var body = Interactions.Body(await discord.NextCallbackAsync());
            Assert.Equal(4, body.GetProperty("type").GetInt32());
            var embed = Assert.Single(body.GetProperty("data").GetProperty("embeds").EnumerateArray());
            Assert.Contains("Albert Camus", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(_timeout);
        }
    }
}
