namespace CommunityBot.Commands;

/// <summary>A command as any transport hands it over: the name and the options given, by option name.</summary>
public sealed record CommandRequest(string Name, IReadOnlyDictionary<string, string> Options)
{
    public CommandRequest(string name)
        : this(name, new Dictionary<string, string>())
    {
    }

    public string? Option(string name) =>
        Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
