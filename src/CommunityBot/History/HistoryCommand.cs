using System.Globalization;
using CommunityBot.Console;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.History;

/// <summary>
/// The one-shot verb <c>history [--target T] [--failed]</c>: each target's state and the latest deliveries, read from
/// the database. It takes no lock and writes nothing but pending migrations, so it runs beside a working bot.
/// </summary>
public static class HistoryCommand
{
    public const string Verb = "history";
    public const string Usage = "Usage: history [--target <console | discord:<guild>:<channel> | mastodon:<account>>] [--failed]";

    public static bool IsHistory(string[] args) =>
        args.FirstOrDefault(a => !CommandLine.ConfigurationArguments([a]).Any()) == Verb;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var words = args.Where(a => !CommandLine.ConfigurationArguments([a]).Any()).ToArray();
        if (Parse(words) is not { } request)
        {
            await output.WriteLineAsync(Problem(words));
            await output.WriteLineAsync(Usage);
            return CommandLine.Usage;
        }
        var migrator = new DatabaseMigrator(services.GetRequiredService<BotDatabase>(), services.GetRequiredService<ILogger<DatabaseMigrator>>());
        await migrator.MigrateAsync(cancellationToken);
        var report = await services.GetRequiredService<DeliveryHistory>().ForOperatorAsync(request.Target, request.FailedOnly, cancellationToken);
        await output.WriteAsync(Render(report, request));
        return CommandLine.Success;
    }

    public static HistoryRequest? Parse(IReadOnlyList<string> words)
    {
        TargetKey? target = null;
        var failed = false;
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "--failed" when !failed:
                    failed = true;
                    break;
                case "--target" when target is null && i + 1 < words.Count && TargetKey.TryParse(words[i + 1], out var key):
                    target = key;
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return words.Count > 0 && words[0] == Verb ? new HistoryRequest(target, failed) : null;
    }

    public static string Render(HistoryReport report, HistoryRequest request)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(request.Target is { } only ? $"Target {only}" : "Targets");
        if (report.Targets.Count == 0)
        {
            text.AppendLine(request.Target is null ? "  none configured" : "  not configured here (its deliveries, if any, are below)");
        }
        foreach (var target in report.Targets)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {target.Target}  {target.Use.ToString().ToLowerInvariant()}  {State(target)}");
        }
        text.AppendLine(request.FailedOnly ? "Failed and retrying deliveries, newest first" : "Latest deliveries, newest first");
        if (report.Deliveries.Count == 0)
        {
            text.AppendLine("  none");
        }
        foreach (var delivery in report.Deliveries)
        {
            var line = $"  {delivery.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  {delivery.Kind}  {delivery.Target}  {delivery.State.ToString().ToLowerInvariant()}";
            if (delivery.State == DeliveryState.Retrying)
            {
                line += string.Create(CultureInfo.InvariantCulture, $" (tried {delivery.Attempts}×)");
            }
            text.AppendLine(delivery.LastError is { } error ? $"{line}: {error}" : line);
        }
        return text.ToString();
    }

    private static string State(TargetState target) => target.Activity switch
    {
        TargetActivity.Stopped => $"delivery stopped after {target.Why}",
        TargetActivity.Paused => "paused by a moderator (/config pause)",
        _ when target.NextEpigraph is { } next => string.Create(CultureInfo.InvariantCulture, $"active, next epigraph {next.UtcDateTime:yyyy-MM-dd HH:mm}Z"),
        _ => "active",
    };

    private static string Problem(string[] words)
    {
        var target = Array.IndexOf(words, "--target");
        if (target >= 0 && target + 1 >= words.Length)
        {
            return "--target needs a target after it.";
        }
        if (target >= 0 && !TargetKey.TryParse(words[target + 1], out _))
        {
            return $"--target '{words[target + 1]}' is not a target; expected console, discord:<guild>:<channel> or mastodon:<account>.";
        }
        var unknown = words.Skip(1).Where((w, i) => w.StartsWith("--", StringComparison.Ordinal) && w is not ("--target" or "--failed")).FirstOrDefault();
        return unknown is not null ? $"Unknown option '{unknown}'." : "Each option may be given once, and no other words.";
    }
}
