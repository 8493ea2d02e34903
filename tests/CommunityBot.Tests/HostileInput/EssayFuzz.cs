using System.Text;
using CsCheck;

namespace CommunityBot.Tests.HostileInput;

/// <summary>Generators of hostile essay files: random bytes, YAML-ish noise, and the seed essays broken in the ways editors break them.</summary>
public static class EssayFuzz
{
    private static readonly string[] Fragments =
    [
        "title", "slug", "published", "authors", "epigraph", "quotes", "references", "further_resources", "tags", "text", "author",
        ": ", ":", "- ", "---", "...", "\t", "  ", "\"", "'", "[", "]", "{", "}", "&anchor ", "*anchor", "!!binary ", "!!map ", "|", ">",
        "? ", "%YAML 1.2", "#", "@everyone", "<@&1>", "2026-13-45", "null", "~", "true", "0x1F", "\\u0000", "\u0000", "\uFEFF",
        "\u202E", "é", "\r", "\n", "\n", "\n", "\n  ", "\n- ", "\n    - text: ", "https://", "javascript:alert(1)",
    ];

    private static readonly string[] RealFiles = [.. Directory.GetFiles(RepositoryPaths.SeedEssays, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>Arbitrary bytes read as a text file would be: as UTF-8, invalid sequences and all.</summary>
    public static Gen<string> RandomBytes { get; } = Gen.Byte.Array[0, 4096].Select(bytes => Encoding.UTF8.GetString(bytes));

    /// <summary>Text made of YAML's own punctuation and the essay fields, usually with front-matter fences around it.</summary>
    public static Gen<string> YamlIsh { get; } =
        Gen.Select(Gen.Int[0, Fragments.Length - 1].Array[0, 300], Gen.Int[0, 3], (picks, fence) =>
        {
            var text = string.Concat(picks.Select(i => Fragments[i]));
            return fence switch
            {
                0 => text,
                1 => "---\n" + text,
                _ => "---\n" + text + "\n---\n" + text,
            };
        });

    /// <summary>A real essay with one to six mutations applied.</summary>
    public static Gen<string> MutatedRealFile { get; } =
        Gen.Select(Gen.Int[0, RealFiles.Length - 1], Gen.Select(Gen.Int[0, 8], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Array[1, 6],
            (file, mutations) => mutations.Aggregate(RealFiles[file], (text, m) => Mutate(text, m.Item1, m.Item2, m.Item3)));

    /// <summary>Nesting and aliases at depths around and far past the caps, in the front matter and in the body.</summary>
    public static Gen<string> Nested { get; } =
        Gen.Select(Gen.Int[0, 5], Gen.Int[1, 3_000], (kind, depth) => kind switch
        {
            0 => "---\ntitle: N\nx: " + new string('[', depth) + new string(']', depth) + "\n---\n",
            1 => "---\ntitle: N\nx: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "b" + new string('}', depth) + "\n---\n",
            2 => "---\ntitle: N\nx:\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(i => new string(' ', 2 * i) + "- a:\n")) + "---\n",
            3 => "---\ntitle: N\n---\n" + string.Concat(Enumerable.Repeat("> - ", depth)) + "x\n",
            4 => "---\ntitle: N\n---\n" + new string('[', depth) + "a" + string.Concat(Enumerable.Repeat("](u)", depth)) + "\n",
            _ => "---\ntitle: N\nx0: &a0 [lol]\n"
                + string.Concat(Enumerable.Range(1, 1 + (depth % 9)).Select(i => $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"))
                + $"? *a{1 + (depth % 9)}\n: boom\n---\n",
        });

    public static Gen<string> Any { get; } = Gen.OneOf(RandomBytes, YamlIsh, MutatedRealFile, MutatedRealFile, Nested);

    private static string Mutate(string text, int kind, int at, int pick)
    {
        var lines = text.Split('\n').ToList();
        var line = at % lines.Count;
        var position = text.Length == 0 ? 0 : at % text.Length;
        switch (kind)
        {
            case 0:
                return text[..position];
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2:
                return text.Length == 0 ? text : string.Concat(text.AsSpan(0, position), ((char)(text[position] ^ (1 << (pick % 7)))).ToString(), text.AsSpan(position + 1));
            case 3:
                lines.Insert(line, "---");
                break;
            case 4:
                lines[line] = "\t" + lines[line];
                break;
            case 5:
                lines[line] += "[{\"'("[pick % 5];
                break;
            case 6:
                lines[line] += new string("ab: -"[pick % 5], 20_000 + (pick % 80_000));
                break;
            case 7:
                lines.RemoveAt(line);
                break;
            default:
                lines[line] = Fragments[pick % Fragments.Length] + lines[line];
                break;
        }
        return string.Join('\n', lines);
    }
}
