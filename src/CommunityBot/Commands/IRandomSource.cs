namespace CommunityBot.Commands;

/// <summary>Where random choices come from, so that tests can make them predictable.</summary>
public interface IRandomSource
{
    /// <summary>A number from 0 up to, not including, <paramref name="count"/>.</summary>
    int Pick(int count);
}
