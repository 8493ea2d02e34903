using CommunityBot.Commands;
using CommunityBot.Console;
using CommunityBot.Content;
using CommunityBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Announcements;

/// <summary>
/// The one-shot verb <c>announce &lt;slug&gt;</c>: writes the announcement's outbox rows and exits. The running
/// bot's delivery worker sends them on its next look at the outbox, or the next start does.
/// </summary>
public static class AnnounceCommand
{
    public const string Verb = "announce";

    public static bool IsAnnounce(string[] args) =>
        args.FirstOrDefault(a => !CommandLine.ConfigurationArguments([a]).Any()) == Verb;

    /// <summary>Brings the database up to date (nothing else of the bot is started) and announces.</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var migrator = new DatabaseMigrator(services.GetRequiredService<BotDatabase>(), services.GetRequiredService<ILogger<DatabaseMigrator>>());
        await migrator.MigrateAsync(cancellationToken);
        var words = args.Where(a => !CommandLine.ConfigurationArguments([a]).Any()).ToArray();
        return await RunAsync(words, services.GetRequiredService<ContentStore>(), services.GetRequiredService<Announcer>(), output, cancellationToken);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> words, ContentStore content, Announcer announcer, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (words.Count != 2 || words[0] != Verb)
        {
            await output.WriteLineAsync("Usage: announce <slug>   (the essay's file name without .md)");
            return CommandLine.Usage;
        }
        var slug = words[1];
        if (content.Index.GetBySlug(slug) is not { } essay)
        {
            var known = string.Join(", ", content.Index.Essays.Select(e => e.Slug).Order(StringComparer.Ordinal).Take(20));
            await output.WriteLineAsync($"No valid essay '{slug}' in {content.Directory}. Known: {known}");
            return CommandLine.Failure;
        }
        var targets = await announcer.AnnounceManuallyAsync(essay, cancellationToken);
        await output.WriteLineAsync(targets == 0
            ? $"No announcement target is configured; nothing queued for '{essay.Title}'."
            : $"Announcement of '{essay.Title}' queued for {DisplayFormat.Count(targets, "target")}; the running bot sends it (or the next start does).");
        return targets == 0 ? CommandLine.Failure : CommandLine.Success;
    }
}
