using System.Globalization;
using SkiaSharp;

namespace CommunityBot.Cards;

/// <summary>
/// Sets a <see cref="QuoteCard"/> as a PNG in one typeface. Every block is wrapped at words to its box and, when it
/// does not fit, set smaller until it does, so nothing is ever cut off; a word wider than the box is broken between
/// characters. Drawing is on the CPU with no shaping and no system lookups, so the same card gives the same bytes.
/// Right-to-left text is drawn in stored order: it stays whole, but may read wrongly (there is no bidi layout).
/// </summary>
public sealed class CardRenderer : IDisposable
{
    private const float LineSpacing = 1.3f;
    private const int SmallestSize = 4;

    private readonly SKTypeface _typeface;

    private CardRenderer(SKTypeface typeface, string fontFile)
    {
        _typeface = typeface;
        FontFile = fontFile;
    }

    public string FontFile { get; }

    /// <summary>A renderer in the face of <paramref name="fontFile"/>, or null when the file holds no usable face.</summary>
    public static CardRenderer? FromFile(string fontFile)
    {
        var typeface = SKTypeface.FromFile(fontFile);
        if (typeface is null)
        {
            return null;
        }
        // A face without Latin letters (a symbol or an emoji font) would set every quote as empty boxes.
        if (typeface.GetGlyphs("Aa").Any(glyph => glyph == 0))
        {
            typeface.Dispose();
            return null;
        }
        return new CardRenderer(typeface, fontFile);
    }

    public static (int Width, int Height) Size(CardShape shape) => shape == CardShape.Square ? (1080, 1080) : (1200, 675);

    public byte[] Render(QuoteCard card)
    {
        var layout = Layout(card);
        var palette = CardPalette.For(card.Theme);
        using var surface = SKSurface.Create(new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(palette.Background);
        using (var accent = new SKPaint { Color = palette.Accent, IsAntialias = true })
        {
            var rule = layout.Quote.Bounds.Top - (Margin(card.Shape) / 2);
            canvas.DrawRect(SKRect.Create(layout.Quote.Bounds.Left, rule - 3, 72, 6), accent);
        }
        Draw(canvas, layout.Quote, palette.Text);
        Draw(canvas, layout.Author, palette.Text);
        Draw(canvas, layout.Source, palette.Secondary);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the card as PNG.");
        return png.ToArray();
    }

    /// <summary>Where each line of <paramref name="card"/> goes, without drawing it.</summary>
    public CardLayout Layout(QuoteCard card)
    {
        var (width, height) = Size(card.Shape);
        var margin = Margin(card.Shape);
        var square = card.Shape == CardShape.Square;
        var (left, right) = (margin, width - margin);
        // The footer is set from the bottom up, each block given room for two lines and then only what it took;
        // the quote has the rest.
        var source = Footer($"{card.Title} · {card.Journal}", square ? 30 : 26, left, right, height - margin);
        var author = Footer($"— {card.Author}", square ? 40 : 34, left, right, source.Bounds.Top - 8);
        var quoteBox = new SKRect(left, margin * 1.5f, right, author.Bounds.Top - (margin / 2));
        var quote = Block(Commands.DisplayFormat.Quoted(card.Quote), square ? 64 : 56, quoteBox, center: true);
        return new CardLayout(width, height, quote, author, source);
    }

    public void Dispose() => _typeface.Dispose();

    private static float Margin(CardShape shape) => shape == CardShape.Square ? 88 : 72;

    private CardBlock Footer(string text, float largest, float left, float right, float bottom)
    {
        var room = Block(text, largest, new SKRect(left, bottom - (largest * LineSpacing * 2), right, bottom), center: false);
        using var font = Font(room.FontSize);
        return Place(text, room.FontSize, new SKRect(left, bottom - BlockHeight(font, room.Lines.Count), right, bottom), center: false);
    }

    /// <summary>The text at the largest size up to <paramref name="largest"/> whose wrapped lines fit the box.</summary>
    private CardBlock Block(string text, float largest, SKRect box, bool center)
    {
        // Fitting is monotone in the size: search for the largest whole size that fits.
        var (low, high) = (SmallestSize, (int)largest);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(text, middle, box))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return Place(text, low, box, center);
    }

    private bool Fits(string text, float size, SKRect box)
    {
        using var font = Font(size);
        var lines = Wrap(text, font, box.Width);
        return BlockHeight(font, lines.Count) <= box.Height && lines.All(line => font.MeasureText(line) <= box.Width);
    }

    private CardBlock Place(string text, float size, SKRect box, bool center)
    {
        using var font = Font(size);
        var lines = Wrap(text, font, box.Width);
        var top = center ? box.Top + Math.Max(0, (box.Height - BlockHeight(font, lines.Count)) / 2) : box.Top;
        var ascent = -font.Metrics.Ascent;
        var placed = new List<CardLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = new SKPoint(box.Left, top + ascent + (i * size * LineSpacing));
            font.MeasureText(lines[i], out var ink);
            ink.Offset(baseline);
            placed.Add(new CardLine(lines[i], baseline, ink));
        }
        return new CardBlock(box, size, placed);
    }

    private static float BlockHeight(SKFont font, int lines) =>
        lines == 0 ? 0 : ((lines - 1) * font.Size * LineSpacing) - font.Metrics.Ascent + font.Metrics.Descent;

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var longer = line.Length == 0 ? word : $"{line} {word}";
                if (font.MeasureText(longer) <= width)
                {
                    line = longer;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (font.MeasureText(line) > width && Break(line, font, width) is { } head)
                {
                    lines.Add(head);
                    line = line[head.Length..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The longest start of a word wider than the box that fits it, whole characters only; null if not even one does.</summary>
    private static string? Break(string word, SKFont font, float width)
    {
        var fitted = 0;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end == word.Length || font.MeasureText(word.AsSpan(0, end)) > width)
            {
                break;
            }
            fitted = end;
        }
        return fitted == 0 ? null : word[..fitted];
    }

    private SKFont Font(float size) => new(_typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.Normal,
        Subpixel = true,
        LinearMetrics = true,
    };

    private void Draw(SKCanvas canvas, CardBlock block, SKColor color)
    {
        using var font = Font(block.FontSize);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var line in block.Lines)
        {
            canvas.DrawText(line.Text, line.Baseline.X, line.Baseline.Y, SKTextAlign.Left, font, paint);
        }
    }
}
