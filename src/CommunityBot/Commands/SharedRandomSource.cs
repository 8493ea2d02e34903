namespace CommunityBot.Commands;

internal sealed class SharedRandomSource : IRandomSource
{
    public int Pick(int count) => Random.Shared.Next(count);
}
