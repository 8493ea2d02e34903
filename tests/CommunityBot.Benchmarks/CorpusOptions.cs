namespace CommunityBot.Benchmarks;

internal sealed record CorpusOptions(int Essays, int Queries, int Vocabulary, int Seed)
{
    public const string Usage = "[--essays 10000] [--queries 1000] [--vocabulary 20000] [--seed 42]";

    public static CorpusOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new CorpusOptions(
            reader.Count("--essays", 10_000, 1, 100_000),
            reader.Count("--queries", 1_000, 1, 100_000),
            reader.Count("--vocabulary", 20_000, 100, 1_000_000),
            reader.Count("--seed", 42, 0, int.MaxValue));
        reader.RejectUnknown();
        return options;
    }
}
