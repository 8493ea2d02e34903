using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Tests.Scheduling;

/// <summary>A delivery channel for one kind of target that renders an epigraph as "{essay slug}: {text}".</summary>
internal sealed class RecordingDeliveryChannel(TargetKind kind) : IDeliveryChannel
{
    public TargetKind Kind => kind;

    public IReadOnlyList<OutboxStep> RenderEpigraph(string target, QuoteEntry epigraph) => [new($"{epigraph.Essay.Slug}: {epigraph.Quote.Text}")];

    public IReadOnlyList<OutboxStep> RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId, bool openThread) => [new($"announce {essay.Slug}")];

    public Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken) => Task.FromResult(SendResult.Delivered(null));
}
