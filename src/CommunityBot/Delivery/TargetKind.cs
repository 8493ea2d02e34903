namespace CommunityBot.Delivery;

/// <summary>The transports a post can go out on; each has one <see cref="IDeliveryChannel"/>.</summary>
public enum TargetKind
{
    Console,
    Discord,
    Mastodon,
}
