using CommunityBot.Commands.Replies;

namespace CommunityBot.Commands;

/// <summary>
/// Reads a command typed as text, at the console or in a Mastodon mention: "quote camus",
/// "quote --author camus --essay sites of protest", "essay expansive solidarity".
/// Words before any --option fill the command's positional option.
/// </summary>
public static class CommandParser
{
    public static ParsedCommand Parse(string input)
    {
        var words = input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new ParsedCommand(null, new ProblemReply(ProblemKind.InvalidInput, "Type a command, or help for the list.", []));
        }
        var name = words[0].TrimStart('/').ToLowerInvariant();
        var definition = CommandCatalog.Find(name);
        if (definition is null)
        {
            return new ParsedCommand(new CommandRequest(name), null);
        }

        var options = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var current = definition.Positional;
        var positionalWords = new List<string>();
        foreach (var word in words.Skip(1))
        {
            if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var (optionName, inlineValue) = SplitOption(word[2..]);
                if (definition.FindOption(optionName) is not { } option)
                {
                    var known = definition.Options.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", definition.Options.Select(o => "--" + o.Name));
                    return new ParsedCommand(null, new ProblemReply(ProblemKind.InvalidInput, $"{definition.Name} has no option --{optionName}; {known}.", []));
                }
                current = option.Name;
                options[current] = inlineValue is null ? [] : [inlineValue];
                continue;
            }
            if (current is null)
            {
                return new ParsedCommand(null, new ProblemReply(ProblemKind.InvalidInput, $"{definition.Name} takes no text. Usage: {definition.Usage}", []));
            }
            if (!options.TryGetValue(current, out var values))
            {
                options[current] = values = current == definition.Positional ? positionalWords : [];
            }
            values.Add(word);
        }
        return new ParsedCommand(
            new CommandRequest(definition.Name, options.ToDictionary(o => o.Key, o => string.Join(' ', o.Value), StringComparer.OrdinalIgnoreCase)),
            null);
    }

    private static (string Name, string? Value) SplitOption(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }
}
