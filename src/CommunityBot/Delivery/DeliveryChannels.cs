namespace CommunityBot.Delivery;

public static class DeliveryChannels
{
    /// <summary>The channel that serves the target's kind, or null when the key is not a target or no channel serves it.</summary>
    public static IDeliveryChannel? For(IReadOnlyList<IDeliveryChannel> channels, string target) =>
        TargetKey.TryParse(target, out var key) ? For(channels, key) : null;

    public static IDeliveryChannel? For(IReadOnlyList<IDeliveryChannel> channels, TargetKey target)
    {
        foreach (var channel in channels)
        {
            if (channel.Kind == target.Kind)
            {
                return channel;
            }
        }
        return null;
    }
}
