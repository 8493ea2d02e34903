namespace CommunityBot.Benchmarks;

internal sealed record CorpusOptions(int Essays)
{
    public const string Usage = "[--essays 10000]";

    public static CorpusOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new CorpusOptions(reader.Count("--essays", 10_000, 1, 100_000));
        reader.RejectUnknown();
        return options;
    }
}
