using CommunityBot.Content;
using CommunityBot.Delivery;
using CommunityBot.Storage;

namespace CommunityBot.Tests.Scheduling;

/// <summary>A delivery channel for one kind of target that renders an epigraph as "{essay slug}: {text}".</summary>
internal sealed class RecordingDeliveryChannel(TargetKind kind) : IDeliveryChannel
{
    public TargetKind Kind => kind;

    public string RenderEpigraph(string target, QuoteEntry epigraph) => $"{epigraph.Essay.Slug}: {epigraph.Quote.Text}";

    public string RenderAnnouncement(string target, Essay essay, ulong? mentionRoleId) => $"announce {essay.Slug}";

    public Task<SendResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken) => Task.FromResult(SendResult.Delivered(null));
}
