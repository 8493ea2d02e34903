using System.Globalization;
using System.Text;
using CommunityBot.Content;

namespace CommunityBot.Tests.Content;

public class TextFoldingTests
{
    /// <summary>
    /// The bot runs without ICU (InvariantGlobalization) and folds from a generated table; the tests run with ICU, so
    /// here the table is checked against the canonical decomposition for every character of the BMP.
    /// </summary>
    [Fact]
    public void Fold_EveryCharacter_MatchesTheCanonicalDecompositionsBase()
    {
        var mismatches = new List<string>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherNotAssigned || "‘’‚‛′`´“”„‟″«»‐‑‒–—―−\u00A0\u2007\u202F".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark, c);
            if (TextFolding.Fold(c) != char.ToLowerInvariant(baseChar))
            {
                mismatches.Add($"U+{i:X4}");
            }
        }

        // ICU's and .NET's invariant casing differ on a handful of recent characters; anything more is a wrong table.
        Assert.True(mismatches.Count <= 8, string.Join(", ", mismatches));
    }

    [Theory]
    [InlineData("Aimé Césaire", "aime cesaire")]
    [InlineData("Pema Chödrön", "pema chodron")]
    [InlineData("Chia buồn", "chia buon")]
    [InlineData("“It’s” — here", "\"it's\" - here")]
    public void Fold_KeepsLengthAndDropsMarks(string text, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(text));
    }
}
