using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Content;

public sealed class ContentOptions : IValidatableObject
{
    public const string Section = "Content";
    public const int DefaultMaxFileBytes = 1_048_576;

    /// <summary>The essays folder; a relative path is looked for from the working directory, then above the program.</summary>
    [Required(ErrorMessage = "Content:Path is required: the folder of essay files, e.g. data/essays")]
    public string Path { get; set; } = "data/essays";

    [Required(ErrorMessage = "Content:Publication is required: the journal's name, shown in /about")]
    public string Publication { get; set; } = "The Rights Studio Journal";

    [Required(ErrorMessage = "Content:SiteUrl is required: the journal's address, e.g. https://www.rights-studio.org/journal")]
    [Url(ErrorMessage = "Content:SiteUrl must be an absolute http(s) address, e.g. https://www.rights-studio.org/journal")]
    public string SiteUrl { get; set; } = "https://www.rights-studio.org/journal";

    /// <summary>An essay file larger than this is refused without being read, so a stray upload cannot fill memory.</summary>
    public int MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    // Checked here rather than with [Range]: the generated validator drops a Range attribute's ErrorMessage, and the
    // message must name the key.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFileBytes < 1)
        {
            yield return new ValidationResult($"Content:MaxFileBytes must be a positive number of bytes, e.g. {DefaultMaxFileBytes}", [nameof(MaxFileBytes)]);
        }
    }
}
