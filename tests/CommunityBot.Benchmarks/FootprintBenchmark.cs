namespace CommunityBot.Benchmarks;

internal static class FootprintBenchmark
{
    public static Task<int> RunAsync(FootprintOptions options, string repository) => Task.FromResult(options.Launches + repository.Length);
}
