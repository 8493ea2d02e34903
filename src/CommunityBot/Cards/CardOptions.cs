using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Cards;

public sealed class CardOptions : IValidatableObject
{
    public const string Section = "Cards";

    /// <summary>Off by default; when on, each target still chooses (/config epigraphs cards:true, Mastodon:Accounts:N:Cards).</summary>
    public bool Enabled { get; set; }

    /// <summary>A TrueType or OpenType file to set cards in; empty looks for a serif face on the system.</summary>
    public string? FontFile { get; set; }

    public CardTheme Theme { get; set; } = CardTheme.Light;

    public CardShape Shape { get; set; } = CardShape.Landscape;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(FontFile))
        {
            yield break;
        }
        if (!File.Exists(FontFile))
        {
            yield return OptionChecks.Problem("Cards:FontFile", FontFile, "does not exist; expected the path of a .ttf or .otf file, e.g. /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
        }
        else if (Path.GetExtension(FontFile).ToUpperInvariant() is not (".TTF" or ".OTF" or ".TTC"))
        {
            yield return OptionChecks.Problem("Cards:FontFile", FontFile, "is not a font file; expected a .ttf or .otf file");
        }
    }
}
