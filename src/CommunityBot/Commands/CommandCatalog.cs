namespace CommunityBot.Commands;

/// <summary>
/// Every command with its options: the one list that help, the console parser, mention parsing and Discord
/// command registration are made from. Names and option names are a contract with users.
/// </summary>
public static class CommandCatalog
{
    /// <summary>The list command, whose paging buttons run it again for another page.</summary>
    public const string Essays = "essays";
    public const string PageOption = "page";

    public static readonly CommandOption EssayOption = new("essay", "An essay's title or slug", CommandOptionKind.Essay);
    public static readonly CommandOption RequiredEssayOption = EssayOption with { Required = true };

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("quote", "A quote from the journal, optionally by author, essay or words it contains",
            [new("author", "Who said it", CommandOptionKind.Author), EssayOption, new("text", "Words the quote contains", CommandOptionKind.Text)],
            "author"),
        new("epigraph", "An essay's epigraph, or a random one", [EssayOption], "essay"),
        new("essay", "An essay: its date, authors, epigraph and link", [RequiredEssayOption], "essay"),
        new(Essays, "The list of essays, newest first", [new(PageOption, "Page number", CommandOptionKind.Page)], PageOption),
        new("references", "The references an essay cites", [RequiredEssayOption], "essay"),
        new("resources", "Further resources an essay recommends", [RequiredEssayOption], "essay"),
        new("search", "Search titles, quotes, references and essay texts", [new("text", "Words to search for", CommandOptionKind.Text, Required: true)], "text"),
        new("about", "What this bot is and what it serves", [], null),
        new("help", "The commands and how to use them", [], null),
    ];

    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
