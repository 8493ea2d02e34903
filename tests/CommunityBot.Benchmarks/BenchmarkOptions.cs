using System.Globalization;

namespace CommunityBot.Benchmarks;

internal sealed class BenchmarkOptions
{
    public const string Usage =
        "[--warmup-seconds 5] [--sat-seconds 10] [--sat-k 64]\n" +
        "       [--rates 200,500] [--rate-seconds 10] [--idle-seconds 5] [--bot path/to/CommunityBot.dll|path/to/native/CommunityBot] [--bot-log FILE] [--max-run-seconds 600]";

    public double WarmupSeconds { get; private set; } = 5;
    public double SaturationSeconds { get; private set; } = 10;
    public int SaturationOutstanding { get; private set; } = 64;
    public IReadOnlyList<double> Rates { get; private set; } = [200, 500];
    public double RateSeconds { get; private set; } = 10;

    // Time after READY before memory is read, so start-up work (command registration, first JIT) has settled.
    public double IdleSeconds { get; private set; } = 5;
    public double ReadyTimeoutSeconds { get; private set; } = 60;
    public double LostAfterSeconds { get; private set; } = 5;
    public double MaxRunSeconds { get; private set; } = 600;
    public int MaxPerPhase { get; private set; } = 2_000_000;
    public string? BotPath { get; private set; }
    public string BotLog { get; private set; } = "/dev/null";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--warmup-seconds": options.WarmupSeconds = Seconds(value, name, allowZero: true); break;
                case "--sat-seconds": options.SaturationSeconds = Seconds(value, name); break;
                case "--sat-k": options.SaturationOutstanding = (int)Seconds(value, name); break;
                case "--rates": options.Rates = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(rate => Seconds(rate, name))]; break;
                case "--rate-seconds": options.RateSeconds = Seconds(value, name); break;
                case "--idle-seconds": options.IdleSeconds = Seconds(value, name, allowZero: true); break;
                case "--max-run-seconds": options.MaxRunSeconds = Seconds(value, name); break;
                case "--bot": options.BotPath = Path.GetFullPath(value); break;
                case "--bot-log": options.BotLog = Path.GetFullPath(value); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }
        return options;
    }

    // Every figure is a positive number (seconds, rates, counts) with a sane upper bound.
    private static double Seconds(string text, string name, bool allowZero = false)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < 0 || (value == 0 && !allowZero) || value > 100_000)
            throw new ArgumentException($"{name}: '{text}' is not a positive number up to 100000");
        return value;
    }
}
