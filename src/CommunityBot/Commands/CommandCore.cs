using System.Globalization;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using Microsoft.Extensions.Options;

namespace CommunityBot.Commands;

/// <summary>
/// The commands, written once for every transport. Each answers a reply model; nothing found or a bad
/// request is a <see cref="ProblemReply"/> with suggestions, never an exception.
/// </summary>
public sealed class CommandCore(ContentStore content, IRandomSource random, IOptions<ContentOptions> options)
{
    public const int EssaysPerPage = 5;
    public const int SearchResults = 5;

    public Reply Execute(CommandRequest request)
    {
        var index = content.Index;
        return request.Name.ToLowerInvariant() switch
        {
            "quote" => Quote(index, request.Option("author"), request.Option("essay"), request.Option("text")),
            "epigraph" => Epigraph(index, request.Option("essay")),
            "essay" => WithEssay(index, request, essay => new EssayReply(essay)),
            "essays" => Essays(index, request.Option("page")),
            "references" => WithEssay(index, request, essay => new ReferencesReply(essay, ReferenceListKind.References, essay.References)),
            "resources" => WithEssay(index, request, essay => new ReferencesReply(essay, ReferenceListKind.FurtherResources, essay.FurtherResources)),
            "search" => Search(index, request.Option("text")),
            "about" => About(index),
            "help" => new HelpReply(CommandCatalog.All),
            _ => UnknownCommand(request.Name),
        };
    }

    private Reply Quote(EssayIndex index, string? author, string? essayQuery, string? text)
    {
        IReadOnlyList<string>? authors = null;
        if (author is not null)
        {
            var found = index.FindAuthors(author);
            if (found.Value is null)
            {
                return AuthorNotFound(index, author, found.Suggestions);
            }
            authors = found.Value;
        }
        Essay? essay = null;
        if (essayQuery is not null)
        {
            var found = index.FindEssay(essayQuery);
            if (found.Value is null)
            {
                return EssayNotFound(essayQuery, found.Suggestions);
            }
            essay = found.Value;
        }
        var matches = index.FindQuotes(authors, essay, text);
        if (matches.Count == 0)
        {
            return new ProblemReply(ProblemKind.NotFound, $"No quote matches {Describe(author, essay, text)}.", Hints(index, authors, essay));
        }
        return new QuoteReply(matches[random.Pick(matches.Count)], matches.Count);
    }

    private Reply Epigraph(EssayIndex index, string? essayQuery)
    {
        if (essayQuery is null)
        {
            return index.Epigraphs.Count == 0
                ? new ProblemReply(ProblemKind.NotFound, "No essay with an epigraph is loaded.", [])
                : new QuoteReply(index.Epigraphs[random.Pick(index.Epigraphs.Count)], index.Epigraphs.Count);
        }
        var found = index.FindEssay(essayQuery);
        if (found.Value is not { } essay)
        {
            return EssayNotFound(essayQuery, found.Suggestions);
        }
        var entry = index.Epigraphs.FirstOrDefault(e => e.Essay.Slug == essay.Slug);
        return entry is null
            ? new ProblemReply(ProblemKind.NotFound, $"\"{essay.Title}\" opens without an epigraph.", [])
            : new QuoteReply(entry, 1);
    }

    private static Reply WithEssay(EssayIndex index, CommandRequest request, Func<Essay, Reply> reply)
    {
        if (request.Option("essay") is not { } query)
        {
            // Nothing was typed, so there is nothing to be near: say what is missing rather than guess.
            var example = index.Essays.Count > 0 ? $"e.g. {request.Name} {index.Essays[0].Slug}; " : "";
            return new ProblemReply(ProblemKind.InvalidInput, $"Which essay? Usage: {CommandCatalog.Find(request.Name)!.Usage}, the essay's title or slug ({example}essays lists them all).", []);
        }
        var found = index.FindEssay(query);
        return found.Value is { } essay ? reply(essay) : EssayNotFound(query, found.Suggestions);
    }

    private static Reply Essays(EssayIndex index, string? pageText)
    {
        var pageCount = Math.Max(1, (index.Essays.Count + EssaysPerPage - 1) / EssaysPerPage);
        var page = 1;
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out page) || page < 1 || page > pageCount))
        {
            return new ProblemReply(ProblemKind.InvalidInput, $"There is no page \"{pageText}\": pages go from 1 to {pageCount}.", []);
        }
        var essays = index.Essays.Skip((page - 1) * EssaysPerPage).Take(EssaysPerPage).ToList();
        return new EssayListReply(essays, page, pageCount, index.Essays.Count);
    }

    private static Reply Search(EssayIndex index, string? text)
    {
        if (text is null)
        {
            return new ProblemReply(ProblemKind.InvalidInput, "Search for what? Usage: search <text>", []);
        }
        var hits = index.Search(text, SearchResults);
        return hits.Count > 0
            ? new SearchReply(text, hits)
            : new ProblemReply(ProblemKind.NotFound, $"Nothing in the journal matches \"{text}\".", index.FindEssay(text).Suggestions);
    }

    /// <summary>
    /// "Latest" is the essay with the newest published date. An undated essay cannot be placed in time, so it is
    /// never the latest (however new it may be); it is named as undated instead.
    /// </summary>
    private AboutReply About(EssayIndex index) =>
        new(options.Value.Publication, new Uri(options.Value.SiteUrl), index.Essays.Count, index.Quotes.Count,
            index.Essays.Where(e => e.Published is not null).MaxBy(e => e.Published),
            [.. index.Essays.Where(e => e.Published is null)]);

    private static ProblemReply UnknownCommand(string name)
    {
        var words = new List<string> { name.ToLowerInvariant() };
        var close = CommandCatalog.All
            .Where(c => NameMatcher.Similarity(words, [c.Name]) >= 0.5)
            .Select(c => c.Name)
            .ToList();
        return new ProblemReply(ProblemKind.InvalidInput, $"There is no command \"{name}\". Try help for the list.", close);
    }

    private static ProblemReply AuthorNotFound(EssayIndex index, string author, IReadOnlyList<string> suggestions)
    {
        var message = $"No quotes by \"{author}\".";
        if (CitedIn(index, author) is { Length: > 0 } cited)
        {
            return new ProblemReply(ProblemKind.NotFound, $"{message} {cited}", suggestions);
        }
        return suggestions.Count > 0
            ? new ProblemReply(ProblemKind.NotFound, message, suggestions)
            : new ProblemReply(ProblemKind.NotFound, $"{message} No quoted name is close: try search {author}, or quote --essay <title> for the quotes of one essay (essays lists them).", []);
    }

    /// <summary>Someone never quoted may still be cited (Pema Chödrön is a further resource): say in which list of which essay.</summary>
    private static string CitedIn(EssayIndex index, string name)
    {
        var words = TextFolding.Tokens(name);
        var places = index.Essays
            .SelectMany(essay => Cited(essay, ReferenceListKind.References, essay.References, words)
                .Concat(Cited(essay, ReferenceListKind.FurtherResources, essay.FurtherResources, words)))
            .Take(3)
            .ToList();
        if (places.Count == 0)
        {
            return "";
        }
        var where = places.Select(p =>
            $"in the {SectionName(p.Kind)} of “{p.Essay.Title}” ({p.Reference.Title}; {SectionCommand(p.Kind)} {p.Essay.Slug} lists them)");
        return $"{places[0].Reference.Who} is cited, not quoted: {string.Join("; ", where)}.";
    }

    private static IEnumerable<(Essay Essay, ReferenceListKind Kind, Reference Reference)> Cited(Essay essay, ReferenceListKind kind, IReadOnlyList<Reference> list, List<string> words) =>
        list.Where(r => r.Who is not null && NameMatcher.Score(words, TextFolding.Tokens(r.Who)) > 0).Select(r => (essay, kind, r));

    private static string SectionName(ReferenceListKind kind) => kind == ReferenceListKind.References ? "references" : "further resources";

    private static string SectionCommand(ReferenceListKind kind) => kind == ReferenceListKind.References ? "references" : "resources";

    private static ProblemReply EssayNotFound(string query, IReadOnlyList<string> suggestions) =>
        new(ProblemKind.NotFound,
            suggestions.Count > 0 ? $"No essay is called \"{query}\"." : $"No essay is called \"{query}\", and no title is close: essays lists them all.",
            suggestions);

    private static string Describe(string? author, Essay? essay, string? text)
    {
        var parts = new List<string>();
        if (author is not null)
        {
            parts.Add($"author \"{author}\"");
        }
        if (essay is not null)
        {
            parts.Add($"essay \"{essay.Title}\"");
        }
        if (text is not null)
        {
            parts.Add($"text \"{text}\"");
        }
        return string.Join(" and ", parts);
    }

    /// <summary>When filters together match nothing, the authors the essay does quote (or the essays the author is quoted in).</summary>
    private static List<string> Hints(EssayIndex index, IReadOnlyList<string>? authors, Essay? essay)
    {
        if (essay is not null)
        {
            return [.. index.FindQuotes(null, essay, null).Select(q => q.Quote.Author).Distinct()];
        }
        return authors is null ? [] : [.. index.FindQuotes(authors, null, null).Select(q => q.Essay.Title).Distinct()];
    }
}
