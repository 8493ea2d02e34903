using System.Globalization;
using CommunityBot.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

const string Usage =
    "usage: dotnet run -c Release --project tests/CommunityBot.Benchmarks -- [interactions|http-interactions|fanout|cluster-fanout|footprint|corpus|cards|raw-client] [options]\n" +
    "  interactions (default): " + BenchmarkOptions.Usage + "\n" +
    "  http-interactions: " + HttpInteractionOptions.Usage + "\n" +
    "  fanout:    " + FanoutOptions.Usage + "\n" +
    "  cluster-fanout: " + ClusterFanoutOptions.Usage + "\n" +
    "  footprint: " + FootprintOptions.Usage + "\n" +
    "  corpus:    " + CorpusOptions.Usage + "\n" +
    "  cards:     " + CardsOptions.Usage + "\n" +
    "  raw-client: the floor for loadgen, started by it: LoadGen … -- env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 dotnet CommunityBot.Benchmarks.dll raw-client";

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "interactions";
var rest = args.Length > 0 && args[0] == mode ? args[1..] : args;
if (mode == "raw-client")
{
    return await RawClientFloor.RunAsync();
}
try
{
    var repository = RepositoryRoot.Find();
    return mode switch
    {
        "interactions" => await InteractionBenchmark.RunAsync(BenchmarkOptions.Parse(rest), repository, BotBuild.Find(repository, BenchmarkOptions.Parse(rest).BotPath)),
        "http-interactions" => await HttpInteractionBenchmark.RunAsync(HttpInteractionOptions.Parse(rest), repository, BotBuild.Find(repository, HttpInteractionOptions.Parse(rest).BotPath)),
        "fanout" => await FanoutBenchmark.RunAsync(FanoutOptions.Parse(rest), repository),
        "cluster-fanout" => await ClusterFanoutBenchmark.RunAsync(ClusterFanoutOptions.Parse(rest), repository),
        "footprint" => await FootprintBenchmark.RunAsync(FootprintOptions.Parse(rest), repository),
        "corpus" => CorpusBenchmark.Run(CorpusOptions.Parse(rest)),
        "cards" => CardsBenchmark.Run(CardsOptions.Parse(rest), repository),
        _ => throw new ArgumentException($"unknown mode '{mode}'"),
    };
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
