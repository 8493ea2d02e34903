namespace CommunityBot.Benchmarks;

internal sealed record FootprintOptions(int Launches, double IdleSeconds, string? BotPath, string BotLog, bool ListAssemblies)
{
    public const string Usage = "[--launches 5] [--idle-seconds 5] [--bot path/to/CommunityBot.dll|path/to/native/CommunityBot] [--bot-log FILE] [--list-assemblies 0|1]";

    public static FootprintOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args);
        var options = new FootprintOptions(
            reader.Count("--launches", 5, 1, 50),
            reader.Number("--idle-seconds", 5, 0, 120),
            reader.Path("--bot"),
            reader.Path("--bot-log") ?? "/dev/null",
            reader.Count("--list-assemblies", 0, 0, 1) == 1);
        reader.RejectUnknown();
        return options;
    }
}
