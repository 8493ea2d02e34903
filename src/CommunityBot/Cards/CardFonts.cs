namespace CommunityBot.Cards;

/// <summary>
/// Finds a serif face on the machine without fontconfig: SkiaSharp's NoDependencies build has none, so
/// SKTypeface.Default finds nothing and a card would be blank. Distributions lay their font folders out differently
/// but keep the file names, so the names are looked for under the usual roots, in order of preference.
/// </summary>
public static class CardFonts
{
    /// <summary>Debian's fonts-dejavu-core, fonts-noto-core, fonts-liberation; all under free licences.</summary>
    public static IReadOnlyList<string> Preferred { get; } = ["DejaVuSerif.ttf", "NotoSerif-Regular.ttf", "LiberationSerif-Regular.ttf"];

    public static IReadOnlyList<string> SystemRoots { get; } = ["/usr/share/fonts", "/usr/local/share/fonts"];

    /// <summary>The first preferred face found under <paramref name="roots"/>, or null.</summary>
    public static string? FindSerif(IEnumerable<string> roots)
    {
        var existing = roots.Where(Directory.Exists).ToList();
        var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseSensitive };
        foreach (var name in Preferred)
        {
            foreach (var root in existing)
            {
                if (Directory.EnumerateFiles(root, name, walk).Order(StringComparer.Ordinal).FirstOrDefault() is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }
}
