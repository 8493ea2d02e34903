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
        // "delete" (SQLite's default) measures a build from before the migrator turned WAL on.
        var options = Read(reader, defaultLeadSeconds: 40, journal: reader.Choice("--sqlite-journal", "wal", "delete"));
        reader.RejectUnknown();
        return options;
    }

    /// <summary>The options every fan-out mode has; the caller rejects unknown ones once it has read its own.</summary>
    public static FanoutOptions Read(OptionReader reader, double defaultLeadSeconds, string journal) =>
        new(
            reader.Count("--channels", 1000, 1, 100_000),
            reader.Count("--global-per-second", 50, 1, 10_000),
            reader.Count("--bucket-limit", 5, 1, 1_000),
            reader.Number("--bucket-seconds", 5, 0.1, 600),
            reader.Number("--lead-seconds", defaultLeadSeconds, 5, 600),
            reader.Number("--max-run-seconds", 300, 10, 3_600),
            reader.Path("--bot"),
            reader.Path("--bot-log") ?? "/dev/null",
            journal);
}
