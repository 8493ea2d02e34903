namespace CommunityBot.Benchmarks;

internal sealed record CardsOptions(int Rounds, string? FontFile)
{
    public const string Usage = "[--rounds 20] [--font /path/to/serif.ttf]";

    public static CardsOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new CardsOptions(reader.Count("--rounds", 20, 1, 10_000), reader.Path("--font"));
        reader.RejectUnknown();
        return options;
    }
}
