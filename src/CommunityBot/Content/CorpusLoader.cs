using System.Text;

namespace CommunityBot.Content;

/// <summary>Reads every essay file in a folder; a broken file is reported and left out, never fatal.</summary>
public static class CorpusLoader
{
    public const string FilePattern = "*.md";

    public static Corpus Load(string directory, long maxFileBytes = ContentOptions.DefaultMaxFileBytes)
    {
        if (!Directory.Exists(directory))
        {
            return new Corpus([], [new ContentError(directory, 0, "Content:Path", "the essays folder does not exist")]);
        }
        var files = Directory.EnumerateFiles(directory, FilePattern)
            .Order(StringComparer.Ordinal)
            .Select(path => ParseFile(path, directory, maxFileBytes));
        return Combine(files);
    }

    /// <summary>
    /// Reads, parses and indexes one file. Whatever the file holds, the answer is a result: every failure becomes
    /// an error of this file, because one file must never stop the bot from starting or reloading.
    /// </summary>
    public static EssayParseResult ParseFile(string path, string directory, long maxFileBytes = ContentOptions.DefaultMaxFileBytes)
    {
        try
        {
            if (!RealPath.IsInside(path, directory))
            {
                return Failed(path, $"refused: it leads to {RealPath.Of(path)}, outside the essays folder {directory}");
            }
            // A named pipe or a device has no length, and opening one to read can wait forever for a writer.
            if (new FileInfo(path).Length == 0)
            {
                return Failed(path, "refused: the file is empty, or not a regular file");
            }
            if (Read(path, directory, maxFileBytes) is not { } content)
            {
                return Failed(path, $"refused: larger than {maxFileBytes} bytes (Content:MaxFileBytes), so it was not read");
            }
            var result = EssayFileParser.Parse(path, content);
            if (result.Essay is { } essay)
            {
                // Indexing one essay on its own first means an essay the index cannot take is this file's error,
                // not a failure of the whole corpus.
                _ = new EssayIndex([essay]);
            }
            return result;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot be read: {exception.Message}");
        }
        catch (Exception exception)
        {
            return Failed(path, $"cannot be loaded ({exception.GetType().Name}): {exception.Message}");
        }
    }

    /// <summary>The text of the file, or null when it is larger than the cap; never more than the cap is read.</summary>
    private static string? Read(string path, string directory, long maxFileBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (RealPath.OfOpenFile(stream) is { } opened && !RealPath.IsInside(opened, directory))
        {
            throw new IOException($"refused: it leads to {opened}, outside the essays folder {directory}");
        }
        if (stream.CanSeek && stream.Length > maxFileBytes)
        {
            return null;
        }
        // The length can change while the file is read, and some files report none; the read itself is bounded too.
        using var memory = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxFileBytes + 1 - memory.Length))) > 0)
        {
            memory.Write(chunk, 0, read);
            if (memory.Length > maxFileBytes)
            {
                return null;
            }
        }
        memory.Position = 0;
        using var reader = new StreamReader(memory, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static EssayParseResult Failed(string path, string message) =>
        new(path, null, [new ContentError(path, 0, "file", message)]);

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
