using System.ComponentModel.DataAnnotations;
using CommunityBot.Configuration;

namespace CommunityBot.Content;

public sealed class ContentOptions : IValidatableObject
{
    public const string Section = "Content";
    public const int DefaultMaxFileBytes = 1_048_576;

    /// <summary>The essays folder; a relative path is looked for from the working directory, then above the program.</summary>
    public string Path { get; set; } = "data/essays";

    public string Publication { get; set; } = "The Rights Studio Journal";

    public string SiteUrl { get; set; } = "https://www.rights-studio.org/journal";

    /// <summary>An essay file larger than this is refused without being read, so a stray upload cannot fill memory.</summary>
    public int MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return new ValidationResult("Content:Path is required; expected the folder of essay files, e.g. data/essays");
        }
        else if (ContentPathResolver.Resolve(Path) is var folder && !Directory.Exists(folder))
        {
            yield return OptionChecks.Problem("Content:Path", Path, $"is not a folder (looked for {folder}); expected the folder of essay files, e.g. data/essays");
        }
        foreach (var result in OptionChecks.Required("Content:Publication", Publication, "the journal's name, shown in about"))
        {
            yield return result;
        }
        if (!Uri.TryCreate(SiteUrl, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
        {
            yield return OptionChecks.Problem("Content:SiteUrl", SiteUrl, "is not an absolute http(s) address; expected e.g. https://www.rights-studio.org/journal");
        }
        foreach (var result in OptionChecks.Between("Content:MaxFileBytes", MaxFileBytes, 1, int.MaxValue, DefaultMaxFileBytes))
        {
            yield return result;
        }
    }
}
