namespace CommunityBot.Benchmarks;

internal sealed class HttpInteractionOptions
{
    public const string Usage = "[--rate 500] [--seconds 10] [--warmup-seconds 3] [--bot path/to/CommunityBot.dll] [--bot-log FILE]";

    public double Rate { get; private init; }
    public double Seconds { get; private init; }
    public double WarmupSeconds { get; private init; }
    public string? BotPath { get; private init; }
    public string BotLog { get; private init; } = "/dev/null";

    public static HttpInteractionOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new HttpInteractionOptions
        {
            Rate = reader.Number("--rate", 500, 1, 20_000),
            Seconds = reader.Number("--seconds", 10, 1, 600),
            WarmupSeconds = reader.Number("--warmup-seconds", 3, 0, 600),
            BotPath = reader.Path("--bot"),
            BotLog = reader.Path("--bot-log") ?? "/dev/null",
        };
        reader.RejectUnknown();
        return options;
    }
}
