namespace CommunityBot.Commands;

/// <param name="Positional">The option that words typed after the command name fill, as in "quote camus".</param>
public sealed record CommandDefinition(string Name, string Description, IReadOnlyList<CommandOption> Options, string? Positional)
{
    public CommandOption? FindOption(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    public string Usage => string.Join(' ', Options.Select(o => o.Required ? $"<{o.Name}>" : $"[{o.Name}]").Prepend(Name));
}
