namespace CommunityBot.Content;

/// <summary>Reads every essay file in a folder; a broken file is reported and left out, never fatal.</summary>
public static class CorpusLoader
{
    public const string FilePattern = "*.md";

    public static Corpus Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new Corpus([], [new ContentError(directory, 0, "Content:Path", "the essays folder does not exist")]);
        }
        var files = Directory.EnumerateFiles(directory, FilePattern)
            .Order(StringComparer.Ordinal)
            .Select(ParseFile);
        return Combine(files);
    }

    public static EssayParseResult ParseFile(string path)
    {
        try
        {
            return EssayFileParser.Parse(path, File.ReadAllText(path));
        }
        catch (IOException exception)
        {
            return new EssayParseResult(path, null, [new ContentError(path, 0, "file", $"cannot be read: {exception.Message}")]);
        }
        catch (UnauthorizedAccessException exception)
        {
            return new EssayParseResult(path, null, [new ContentError(path, 0, "file", $"cannot be read: {exception.Message}")]);
        }
    }

    /// <summary>Puts parsed files together; a slug already taken by an earlier file (by name) is an error of the later one.</summary>
    public static Corpus Combine(IEnumerable<EssayParseResult> results)
    {
        var essays = new List<Essay>();
        var errors = new List<ContentError>();
        var bySlug = new Dictionary<string, Essay>(StringComparer.Ordinal);
        foreach (var result in results.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            errors.AddRange(result.Errors);
            if (result.Essay is not { } essay)
            {
                continue;
            }
            if (bySlug.TryGetValue(essay.Slug, out var first))
            {
                errors.Add(new ContentError(result.Path, result.SlugLine, "slug", $"duplicate slug '{essay.Slug}': {first.SourcePath} already uses it"));
                continue;
            }
            bySlug.Add(essay.Slug, essay);
            essays.Add(essay);
        }
        return new Corpus(essays, errors);
    }
}
