using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The essays folder; a relative path is looked for from the working directory, then above the program.</summary>
    [Required(ErrorMessage = "Content:Path is required: the folder of essay files, e.g. data/essays")]
    public string Path { get; set; } = "data/essays";

    [Required(ErrorMessage = "Content:Publication is required: the journal's name, shown in /about")]
    public string Publication { get; set; } = "The Rights Studio Journal";

    [Required(ErrorMessage = "Content:SiteUrl is required: the journal's address, e.g. https://www.rights-studio.org/journal")]
    [Url(ErrorMessage = "Content:SiteUrl must be an absolute http(s) address, e.g. https://www.rights-studio.org/journal")]
    public string SiteUrl { get; set; } = "https://www.rights-studio.org/journal";
}
