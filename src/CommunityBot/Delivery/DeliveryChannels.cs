namespace CommunityBot.Delivery;

public static class DeliveryChannels
{
    /// <summary>The channel whose prefix a target key starts with ("console", or "discord" for "discord:{guild}:{channel}").</summary>
    public static IDeliveryChannel? For(IReadOnlyList<IDeliveryChannel> channels, string target)
    {
        foreach (var channel in channels)
        {
            if (target == channel.Prefix || target.StartsWith(channel.Prefix + ":", StringComparison.Ordinal))
            {
                return channel;
            }
        }
        return null;
    }
}
