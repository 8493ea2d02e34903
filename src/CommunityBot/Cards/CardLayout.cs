using SkiaSharp;

namespace CommunityBot.Cards;

/// <summary>Where everything on a card goes: the lines of each block, their size, and the box each must stay in.</summary>
public sealed record CardLayout(int Width, int Height, CardBlock Quote, CardBlock Author, CardBlock Source)
{
    public IEnumerable<CardBlock> Blocks => [Quote, Author, Source];
}

/// <param name="Bounds">The box the block may fill.</param>
/// <param name="Lines">Each line and the box its ink takes up.</param>
public sealed record CardBlock(SKRect Bounds, float FontSize, IReadOnlyList<CardLine> Lines);

/// <param name="Baseline">Where the line is drawn from: its left end on the baseline.</param>
/// <param name="Extent">The line's ink, measured from its glyphs.</param>
public sealed record CardLine(string Text, SKPoint Baseline, SKRect Extent);
