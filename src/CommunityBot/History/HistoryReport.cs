namespace CommunityBot.History;

/// <summary>Each target's state and the latest deliveries, newest first.</summary>
public sealed record HistoryReport(IReadOnlyList<TargetState> Targets, IReadOnlyList<DeliveryRecord> Deliveries);
