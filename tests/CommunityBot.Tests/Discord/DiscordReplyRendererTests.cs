using CommunityBot.Clients.Discord.JsonModels;
using CommunityBot.Clients.Discord.Rest;
using CommunityBot.Commands;
using CommunityBot.Commands.Replies;
using CommunityBot.Content;
using CommunityBot.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tests.Discord;

public sealed class DiscordReplyRendererTests
{
    private static readonly string[] EssayCommands = ["quote", "epigraph", "essay", "references", "resources"];

    [Fact]
    public void EveryCommandOnTheSeedCorpus_StaysWithinTheLimits_AndPingsNobody()
    {
        var core = Core(RepositoryPaths.SeedEssays, out var store);
        List<CommandRequest> requests =
        [
            R("quote"), R("quote", ("author", "camus")), R("quote", ("text", "capacious grief")),
            R("quote", ("author", "nobody at all")), R("epigraph"), R("essays"), R("essays", ("page", "2")),
            R("essays", ("page", "99")), R("search", ("text", "solidarity")), R("search", ("text", "zzqx")),
            R("about"), R("essay", ("essay", "no such essay")), R("nonsense"),
        ];
        foreach (var slug in store.Index.Essays.Select(e => e.Slug))
        {
            requests.AddRange(EssayCommands.Select(name => R(name, ("essay", slug))));
        }

        AssertAllWithinLimits(core, requests);
        Assert.Equal(7, store.Index.Essays.Count);
    }

    [Fact]
    public void EveryCommandOnAnOversizedEssay_StaysWithinTheLimits()
    {
        using var folder = new TempEssayFolder();
        folder.Write(SyntheticEssays.HugeSlug + ".md", SyntheticEssays.Huge());
        var core = Core(folder.Path, out var store);
        Assert.True(store.Errors.Count == 0, string.Join("; ", store.Errors));
        var essay = Assert.Single(store.Index.Essays);
        Assert.Equal(40, essay.References.Count);
        Assert.True(essay.Epigraph!.Text.Length >= 9_000);

        var options = new Dictionary<string, string> { ["essay"] = SyntheticEssays.HugeSlug };
        var requests = EssayCommands.Select(name => new CommandRequest(name, options))
            .Concat([R("essays"), R("search", ("text", "reference")), R("search", ("text", "quotation")), R("about")])
            .ToList();

        var rendered = AssertAllWithinLimits(core, requests);
        Assert.All(rendered, data => Assert.NotNull(data.Embeds));
    }

    [Fact]
    public void Help_StaysWithinTheLimits()
    {
        var data = DiscordReplyRenderer.Render(new HelpReply(CommandCatalog.All));

        Assert.Null(DiscordEmbedValidator.FindViolation(data.Content, data.Embeds));
    }

    [Fact]
    public void Problem_IsEphemeral()
    {
        var data = DiscordReplyRenderer.Render(new ProblemReply(ProblemKind.NotFound, "Nothing by @everyone.", ["Albert Camus"]));

        Assert.Equal(MessageFlags.Ephemeral, data.Flags);
        Assert.Equal("Nothing by @everyone.\nDid you mean: Albert Camus?", data.Content);
        Assert.Empty(data.AllowedMentions!.Parse!);
    }

    [Fact]
    public void Render_EssayAndQuoteWithMarkdownInTheirText_IsEscaped_AndTheEssayLinkStillWorks()
    {
        using var folder = new TempEssayFolder();
        folder.Write("hostile.md", """
            ---
            title: "[Log in to Discord](https://evil.example) *now*"
            slug: hostile
            published: 2026-03-06
            authors: [Some_One]
            url: https://www.rights-studio.org/journal/hostile_essay-one
            epigraph:
              text: "# Heading\n- item ||spoiler|| <@123>"
              author: "__Some__"
            ---
            """);
        var core = Core(folder.Path, out var store);
        Assert.True(store.Errors.Count == 0, string.Join("; ", store.Errors));

        var quote = DiscordReplyRenderer.Render(core.Execute(R("quote", ("essay", "hostile")))).Embeds![0];
        var essay = DiscordReplyRenderer.Render(core.Execute(R("essay", ("essay", "hostile")))).Embeds![0];

        Assert.Equal(@"\[Log in to Discord\]\(https://evil.example\) \*now\*", quote.Title);
        Assert.Equal("https://www.rights-studio.org/journal/hostile_essay-one", quote.Url);
        Assert.Equal("“\\# Heading\n\\- item \\|\\|spoiler\\|\\| \\<@123\\>”\n— \\_\\_Some\\_\\_", quote.Description);
        Assert.Equal(quote.Title, essay.Title);
        Assert.Equal(quote.Url, essay.Url);
        Assert.StartsWith("“\\# Heading\n\\- item", essay.Description, StringComparison.Ordinal);
        Assert.Equal(@"Words: Some\_One", essay.Fields!.Single(f => f.Name == "Credits").Value);
    }

    private static List<JsonInteractionCallbackData> AssertAllWithinLimits(CommandCore core, IEnumerable<CommandRequest> requests)
    {
        var rendered = new List<JsonInteractionCallbackData>();
        foreach (var request in requests)
        {
            var reply = core.Execute(request);
            var data = DiscordReplyRenderer.Render(reply);
            var what = $"{request.Name} {string.Join(' ', request.Options.Select(o => $"{o.Key}:{o.Value}"))} → {reply.GetType().Name}";
            Assert.True(DiscordEmbedValidator.FindViolation(data.Content, data.Embeds) is null,
                $"{what}: {DiscordEmbedValidator.FindViolation(data.Content, data.Embeds)}");
            Assert.NotNull(data.AllowedMentions);
            Assert.Empty(data.AllowedMentions.Parse!);
            Assert.Null(data.AllowedMentions.Roles);
            Assert.Null(data.AllowedMentions.Users);
            rendered.Add(data);
        }
        return rendered;
    }

    private static CommandRequest R(string name, params (string Key, string Value)[] options) =>
        new(name, options.ToDictionary(o => o.Key, o => o.Value));

    private static CommandCore Core(string path, out ContentStore store)
    {
        var options = Options.Create(new ContentOptions { Path = path });
        store = new ContentStore(options, NullLogger<ContentStore>.Instance);
        return new CommandCore(store, new SharedRandomSource(), options);
    }
}
