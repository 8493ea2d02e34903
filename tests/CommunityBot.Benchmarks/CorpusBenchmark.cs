namespace CommunityBot.Benchmarks;

internal static class CorpusBenchmark
{
    public static int Run(CorpusOptions options) => options.Essays;
}
