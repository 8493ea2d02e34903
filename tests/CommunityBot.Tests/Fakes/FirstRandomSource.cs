using CommunityBot.Commands;

namespace CommunityBot.Tests;

/// <summary>Always the first choice, so a test knows which quote a command picks.</summary>
public sealed class FirstRandomSource : IRandomSource
{
    public int Pick(int count) => 0;
}
