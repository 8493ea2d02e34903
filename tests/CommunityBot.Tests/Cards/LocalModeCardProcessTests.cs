using CommunityBot.Cards;
using Microsoft.Data.Sqlite;
using SkiaSharp;

namespace CommunityBot.Tests.Cards;

/// <summary>The built program in local mode with Cards:Enabled: the scheduled epigraph's card is a file a person can open.</summary>
[Trait(ProcessTest.Category, ProcessTest.Process)]
public sealed class LocalModeCardProcessTests : IDisposable
{
    private const string CardLine = "Card: ";
    private readonly TempEssayFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task AScheduledEpigraph_WritesItsCardUnderStateCards_AsAPng_AndPrintsItsPath()
    {
        // Every two seconds (Quartz's form, with seconds), so the first post comes while the test waits.
        await using var bot = await RunningBot.StartAsync(
            [$"--Content:Path={RepositoryPaths.SeedEssays}", "--Schedule:Epigraph:Cron=*/2 * * * * ?", "--Cards:Enabled=true", "--Cards:Theme=Dark"],
            workingDirectory: _folder.Path);

        await bot.Output.WaitForAsync(CardLine);
        await bot.AskAsync("quote camus", "— Albert Camus");
        Assert.Equal(0, await bot.StopAsync());

        var line = bot.Output.Text.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.StartsWith(CardLine, StringComparison.Ordinal));
        var file = line[CardLine.Length..];
        Assert.Equal(Path.Combine(_folder.Path, "state", "cards"), Path.GetDirectoryName(file));
        Assert.EndsWith(".png", file, StringComparison.Ordinal);
        using var card = SKBitmap.Decode(file);
        Assert.NotNull(card);
        Assert.Equal((1200, 675), (card.Width, card.Height));
        // Dark: the corner is the dark theme's background, not white.
        Assert.Equal(CardPalette.For(CardTheme.Dark).Background, card.GetPixel(2, 2));
    }
}
