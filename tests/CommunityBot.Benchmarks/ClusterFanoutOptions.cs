namespace CommunityBot.Benchmarks;

internal sealed record ClusterFanoutOptions(FanoutOptions Fanout, IReadOnlyList<int> Instances, string Postgres, bool SplitGlobal)
{
    public const string PostgresVariable = "COMMUNITYBOT_TEST_POSTGRES";

    public const string Usage =
        "[--instances 1,2,3] [--postgres CONNECTION_STRING (default: $" + PostgresVariable + ")] [--split-global yes|no]\n" +
        "             [--channels 1000] [--global-per-second 50] [--bucket-limit 5] [--bucket-seconds 5] [--lead-seconds 120]\n" +
        "             [--bot path/to/CommunityBot.dll] [--bot-log FILE] [--max-run-seconds 300]";

    public static ClusterFanoutOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new ClusterFanoutOptions(
            // Every instance puts every guild's trigger in place at start, under Quartz's cluster lock: it takes a while.
            FanoutOptions.Read(reader, defaultLeadSeconds: 120, journal: "wal"),
            reader.Counts("--instances", [1, 2, 3], 1, 16),
            reader.Text("--postgres") ?? Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new ArgumentException($"--postgres: no PostgreSQL given (nor ${PostgresVariable}); expected a connection string to a role that may create databases"),
            // Discord's global limit is per token; each instance's own window gets its share of it.
            reader.Choice("--split-global", "yes", "no") == "yes");
        reader.RejectUnknown();
        return options;
    }
}
