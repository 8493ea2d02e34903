using CommunityBot.Commands;

namespace CommunityBot.Tests.Scheduling;

/// <summary>Random choices from a seeded generator, with every range asked for recorded.</summary>
internal sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public List<int> Ranges { get; } = [];

    public int Pick(int count)
    {
        Ranges.Add(count);
        return _random.Next(count);
    }
}
