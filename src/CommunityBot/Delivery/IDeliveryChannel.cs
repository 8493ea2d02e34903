using CommunityBot.Content;
using CommunityBot.Storage;

namespace CommunityBot.Delivery;

/// <summary>
/// One kind of target (the console, Discord channels, Mastodon accounts): how a post looks there, and how it is
/// sent. It serves every <see cref="TargetKey"/> of its <see cref="Kind"/>.
/// </summary>
public interface IDeliveryChannel
{
    TargetKind Kind { get; }

    /// <summary>The outbox payload for a scheduled epigraph to this target.</summary>
    string RenderEpigraph(string target, QuoteEntry epigraph);

    /// <summary>
    /// The outbox payload announcing a new essay to this target. <paramref name="mentionRoleId"/> is the role a
    /// Discord guild chose to ping; channels that have no such thing ignore it.
    /// </summary>
    string RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId);

    /// <summary>
    /// Sends one outbox row, with the row's idempotency key, and says what the answer means for the row (see
    /// <see cref="SendOutcome"/>); never throws for a failed send.
    /// </summary>
    Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
