using CommunityBot.Delivery;

namespace CommunityBot.Cards;

/// <summary>Whether the targets of one kind asked for cards: a guild with /config, a Mastodon account in its options.</summary>
public interface ICardPreference
{
    TargetKind Kind { get; }

    Task<bool> WantsCardAsync(TargetKey target, CancellationToken cancellationToken);
}
