using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;

namespace CommunityBot.Console;

/// <summary>
/// The one-shot verbs: <c>validate</c>, <c>--help</c> and any command ("quote --author camus"), which print
/// and exit. Arguments of the form --Section:Key=value are configuration and are left to the host.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>Whether the arguments ask for a one-shot verb rather than the long-running bot.</summary>
    public static bool IsOneShot(string[] args) => Verb(args) is not null;

    public static IEnumerable<string> ConfigurationArguments(string[] args) =>
        args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal));

    public static int Run(string[] args, ContentStore content, CommandCore commands, TextWriter output)
    {
        var verb = Verb(args)!;
        var words = args.Where(a => !ConfigurationArguments([a]).Any()).ToArray();
        switch (verb)
        {
            case "--help" or "-h" or "help":
                output.WriteLine(HelpText());
                return Success;
            case "validate":
                return Validate(content, output);
        }
        var parsed = CommandParser.Parse(string.Join(' ', words));
        var reply = parsed.Problem ?? commands.Execute(parsed.Request!);
        output.WriteLine(ConsoleRenderer.Render(reply));
        return reply switch
        {
            ProblemReply { Kind: ProblemKind.InvalidInput } => Usage,
            ProblemReply => Failure,
            _ => Success,
        };
    }

    private static int Validate(ContentStore content, TextWriter output)
    {
        foreach (var error in content.Errors)
        {
            output.WriteLine(error);
        }
        var index = content.Index;
        output.WriteLine(content.Errors.Count == 0
            ? $"All {DisplayFormat.Count(index.Essays.Count, "essay")} in {content.Directory} are valid ({DisplayFormat.Count(index.Quotes.Count, "quote")})."
            : $"{DisplayFormat.Count(content.Errors.Count, "problem")}; {DisplayFormat.Count(index.Essays.Count, "valid essay")} in {content.Directory}.");
        return content.Errors.Count == 0 ? Success : Failure;
    }

    private static string? Verb(string[] args)
    {
        var first = args.FirstOrDefault(a => !ConfigurationArguments([a]).Any());
        return first switch
        {
            null => null,
            "--help" or "-h" or "help" or "validate" => first,
            _ when !first.StartsWith("--", StringComparison.Ordinal) => first,
            _ => null,
        };
    }

    private static string HelpText() =>
        $"""
        CommunityBot serves The Rights Studio's journal to Discord and Mastodon.

        Usage:
          dotnet run --project src/CommunityBot                 run the bot (local mode when no account is configured)
          dotnet run --project src/CommunityBot -- validate     check every essay file; exit 1 on any problem
          dotnet run --project src/CommunityBot -- <command>    answer one command and exit, e.g. quote --author camus
          dotnet run --project src/CommunityBot -- announce <slug>   queue a new-essay announcement to every target by hand
          dotnet run --project src/CommunityBot -- history [--target T] [--failed]   latest deliveries and each target's state

        Configuration can be given as --Section:Key=value, e.g. --Content:Path=data/essays.

        {ConsoleRenderer.RenderForPrompt(new HelpReply(CommandCatalog.All))}
        """;
}
