using SkiaSharp;

namespace CommunityBot.Cards;

/// <summary>The colours of a theme; text on background keeps a contrast ratio above 7:1 (WCAG AAA) in both.</summary>
public sealed record CardPalette(SKColor Background, SKColor Text, SKColor Secondary, SKColor Accent)
{
    private static readonly CardPalette Light = new(new SKColor(0xF7, 0xF3, 0xEA), new SKColor(0x1F, 0x1B, 0x16), new SKColor(0x4A, 0x43, 0x3A), new SKColor(0x9C, 0x3D, 0x2E));

    private static readonly CardPalette Dark = new(new SKColor(0x1C, 0x1B, 0x22), new SKColor(0xF2, 0xEE, 0xE6), new SKColor(0xC4, 0xBC, 0xB0), new SKColor(0xE0, 0xA4, 0x58));

    public static CardPalette For(CardTheme theme) => theme == CardTheme.Dark ? Dark : Light;
}
