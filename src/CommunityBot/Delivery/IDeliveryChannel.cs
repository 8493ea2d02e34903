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

    /// <summary>The outbox steps of a scheduled epigraph to this target: one, or a thread's parts in order.</summary>
    IReadOnlyList<OutboxStep> RenderEpigraph(string target, QuoteEntry epigraph);

    /// <summary>
    /// The outbox steps announcing a new essay to this target. <paramref name="mentionRoleId"/> is the role a Discord
    /// guild chose to ping, and <paramref name="openThread"/> whether it wants a discussion thread under the
    /// announcement; channels that have no such things ignore them.
    /// </summary>
    IReadOnlyList<OutboxStep> RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId, bool openThread);

    /// <summary>
    /// Sends one outbox row, with the row's idempotency key, under <see cref="OutboxEntry.AfterRemoteId"/> when it
    /// follows another step (a reply to it, or into the thread it opened), and says what the answer means for the row (see
    /// <see cref="SendOutcome"/>); never throws for a failed send.
    /// </summary>
    Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
