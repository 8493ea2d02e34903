namespace CommunityBot.Benchmarks;

internal sealed record FanoutOptions(
    int Channels,
    int GlobalPerSecond,
    int BucketLimit,
    double BucketSeconds,
    double LeadSeconds,
    double MaxRunSeconds,
    string? BotPath,
    string BotLog,
    string Journal)
{
    public const string Usage =
        "[--channels 1000] [--global-per-second 50] [--bucket-limit 5] [--bucket-seconds 5] [--lead-seconds 40]\n" +
        "             [--bot path/to/CommunityBot.dll] [--bot-log FILE] [--max-run-seconds 300] [--sqlite-journal wal|delete]";

    public static FanoutOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new FanoutOptions(
            reader.Count("--channels", 1000, 1, 100_000),
            reader.Count("--global-per-second", 50, 1, 10_000),
            reader.Count("--bucket-limit", 5, 1, 1_000),
            reader.Number("--bucket-seconds", 5, 0.1, 600),
            reader.Number("--lead-seconds", 40, 5, 600),
            reader.Number("--max-run-seconds", 300, 10, 3_600),
            reader.Path("--bot"),
            reader.Path("--bot-log") ?? "/dev/null",
            // "delete" (SQLite's default) measures a build from before the migrator turned WAL on.
            reader.Choice("--sqlite-journal", "wal", "delete"));
        reader.RejectUnknown();
        return options;
    }
}
