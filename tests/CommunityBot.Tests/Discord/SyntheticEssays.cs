using System.Globalization;
using System.Text;

namespace CommunityBot.Tests.Discord;

/// <summary>Essay files that push every field past what Discord accepts.</summary>
public static class SyntheticEssays
{
    public const string HugeSlug = "huge-essay";

    public static string Words(int length, string word = "solidarity")
    {
        var text = new StringBuilder();
        while (text.Length < length)
            text.Append(word).Append(' ');
        return text.ToString(0, length).Trim();
    }

    /// <summary>A 300-character title, a 10,000-character epigraph and quote, 40 long references and 40 long further resources.</summary>
    public static string Huge()
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"---\ntitle: \"{Words(300, "Title")}\"\nslug: {HugeSlug}\npublished: 2024-05-01\n");
        yaml.Append(CultureInfo.InvariantCulture, $"authors: [\"{Words(600, "Author")}\"]\nurl: https://www.rights-studio.org/journal/{HugeSlug}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"epigraph:\n  text: \"{Words(10_000, "epigraph")}\"\n  author: \"{Words(300, "Speaker")}\"\n");
        yaml.Append(CultureInfo.InvariantCulture, $"quotes:\n  - text: \"{Words(10_000, "quotation")}\"\n    author: Long Quoted\n    source: \"{Words(500, "Source")}\"\n");
        foreach (var list in new[] { "references", "further_resources" })
        {
            yaml.Append(list).Append(":\n");
            for (var i = 1; i <= 40; i++)
            {
                yaml.Append(CultureInfo.InvariantCulture,
                    $"  - title: \"{i} {Words(300, "Reference")}\"\n    who: \"{Words(300, "Writer")}\"\n    where: Somewhere\n    note: \"{Words(1500, "note")}\"\n");
            }
        }
        // Quotes must be found in the body.
        yaml.Append("---\n").Append(Words(10_000, "quotation")).Append('\n').Append(Words(10_000, "body")).Append('\n');
        return yaml.ToString();
    }
}
