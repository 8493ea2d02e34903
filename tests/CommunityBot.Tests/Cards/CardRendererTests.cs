using CommunityBot.Cards;
using CommunityBot.Content;
using CommunityBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CommunityBot.Tests.Cards;

public sealed class CardRendererTests : IDisposable
{
    private static readonly string FontFile = CardFonts.FindSerif(CardFonts.SystemRoots)
        ?? throw new InvalidOperationException("No serif face on this machine: install fonts-dejavu-core (.ci/run does).");

    private readonly CardRenderer _renderer = CardRenderer.FromFile(FontFile) ?? throw new InvalidOperationException($"{FontFile} cannot be loaded");

    public void Dispose() => _renderer.Dispose();

    public static TheoryData<CardTheme, CardShape> Variants => new()
    {
        { CardTheme.Light, CardShape.Landscape },
        { CardTheme.Dark, CardShape.Landscape },
        { CardTheme.Light, CardShape.Square },
        { CardTheme.Dark, CardShape.Square },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_EachVariant_IsAPngOfItsSize_InItsTheme(CardTheme theme, CardShape shape)
    {
        using var image = SKBitmap.Decode(_renderer.Render(Card(theme, shape)));

        var (width, height) = CardRenderer.Size(shape);
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(CardPalette.For(theme).Background, image.GetPixel(2, 2));
        Assert.Equal(shape == CardShape.Square ? (1080, 1080) : (1200, 675), (width, height));
    }

    [Fact]
    public void Render_TheSameCardTwice_GivesTheSameBytes()
    {
        var card = Card(CardTheme.Light, CardShape.Landscape);

        Assert.Equal(_renderer.Render(card), _renderer.Render(card));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_MatchesTheGoldenImage_WithinAPixelTolerance(CardTheme theme, CardShape shape)
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cards", $"{theme}-{shape}.png".ToLowerInvariant());
        var rendered = _renderer.Render(Card(theme, shape));
        if (Environment.GetEnvironmentVariable("COMMUNITYBOT_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "CommunityBot.Tests", "Fixtures", "cards", Path.GetFileName(golden)), rendered);
            return;
        }

        using var expected = SKBitmap.Decode(golden);
        using var actual = SKBitmap.Decode(rendered);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        // Another FreeType or font build may move anti-aliased edges a little; a changed layout moves whole glyphs.
        var differing = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var (a, e) = (actual.GetPixel(x, y), expected.GetPixel(x, y));
                if (Math.Abs(a.Red - e.Red) > 48 || Math.Abs(a.Green - e.Green) > 48 || Math.Abs(a.Blue - e.Blue) > 48)
                {
                    differing++;
                }
            }
        }
        Assert.True(differing <= actual.Width * actual.Height / 200, $"{differing} pixels differ from {golden} (at most 0.5% may)");
    }

    [Theory]
    [InlineData(CardShape.Landscape)]
    [InlineData(CardShape.Square)]
    public void Layout_TheLongestSeedEpigraph_IsWrappedInsideItsBox(CardShape shape)
    {
        var store = new ContentStore(Options.Create(new ContentOptions { Path = RepositoryPaths.SeedEssays }), NullLogger<ContentStore>.Instance);
        var longest = store.Index.Epigraphs.MaxBy(e => e.Quote.Text.Length)!;

        var layout = _renderer.Layout(QuoteCard.For(longest, "The Rights Studio Journal", CardTheme.Light, shape));

        Assert.True(layout.Quote.Lines.Count > 1, "a long epigraph is wrapped");
        AssertWhole(layout, longest.Quote.Text);
    }

    [Theory]
    [InlineData(CardShape.Landscape)]
    [InlineData(CardShape.Square)]
    public void Layout_AThousandCharacterQuote_IsSetSmaller_AndNeverClipped(CardShape shape)
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => i % 7 == 0 ? "solidarity" : "word"));
        var quote = words[..1000];
        var shortCard = _renderer.Layout(Card(CardTheme.Light, shape) with { Quote = "Short." });

        var layout = _renderer.Layout(Card(CardTheme.Light, shape) with { Quote = quote });

        Assert.True(layout.Quote.FontSize < shortCard.Quote.FontSize, $"set at {layout.Quote.FontSize}, a short quote at {shortCard.Quote.FontSize}");
        Assert.True(layout.Quote.FontSize >= 14, $"still readable: {layout.Quote.FontSize}px");
        AssertWhole(layout, quote);
    }

    [Fact]
    public void Layout_AWordWiderThanTheCard_IsBrokenBetweenCharacters()
    {
        var word = new string('m', 400);

        var layout = _renderer.Layout(Card(CardTheme.Dark, CardShape.Square) with { Quote = word, Title = new string('t', 300) });

        AssertWhole(layout, word);
    }

    [Fact]
    public void Render_Diacritics_AreInTheFace_AndKeptWhole()
    {
        var card = Card(CardTheme.Light, CardShape.Landscape) with { Quote = "Une civilisation qui ruse avec ses principes est une civilisation moribonde.", Author = "Aimé Césaire" };
        using var typeface = SKTypeface.FromFile(FontFile);

        var layout = _renderer.Layout(card);

        Assert.DoesNotContain((ushort)0, typeface.GetGlyphs("éèçàÉœ—“”"));
        Assert.Equal("— Aimé Césaire", Assert.Single(layout.Author.Lines).Text);
        using var image = SKBitmap.Decode(_renderer.Render(card));
        Assert.Equal(1200, image.Width);
    }

    [Fact]
    public void Render_RightToLeftText_DoesNotThrow_AndKeepsEveryCharacter()
    {
        var card = Card(CardTheme.Dark, CardShape.Square) with { Quote = "الحرية لا تُعطى، بل تُؤخذ. חירות אינה ניתנת", Author = "مجهول" };

        var png = _renderer.Render(card);

        Assert.NotEmpty(png);
        AssertWhole(_renderer.Layout(card), card.Quote);
    }

    [Fact]
    public void FromFile_AFileThatIsNoFont_GivesNoRenderer()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "not a font");

        Assert.Null(CardRenderer.FromFile(file));
        File.Delete(file);
    }

    internal static QuoteCard Card(CardTheme theme, CardShape shape) => new(
        "It is not our differences that divide us. It is our inability to recognize, accept, and celebrate those differences.",
        "Audre Lorde", "Expansive Solidarity", "The Rights Studio Journal", theme, shape);

    /// <summary>Every block inside the card and its own box, and the quote's lines together the whole quote.</summary>
    private static void AssertWhole(CardLayout layout, string quote)
    {
        var card = new SKRect(0, 0, layout.Width, layout.Height);
        foreach (var block in layout.Blocks)
        {
            var room = block.Bounds;
            room.Inflate(2, 2);
            foreach (var line in block.Lines)
            {
                Assert.True(room.Contains(line.Extent) || line.Extent.IsEmpty, $"'{line.Text}' at {line.Extent} leaves its box {block.Bounds}");
                Assert.True(card.Contains(line.Extent) || line.Extent.IsEmpty, $"'{line.Text}' at {line.Extent} leaves the card");
            }
        }
        var set = string.Concat(layout.Quote.Lines.Select(l => l.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(global::CommunityBot.Commands.DisplayFormat.Quoted(quote).Replace(" ", "", StringComparison.Ordinal), set);
    }
}
