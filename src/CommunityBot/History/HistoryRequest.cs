using CommunityBot.Delivery;

namespace CommunityBot.History;

/// <summary>What the <c>history</c> verb was asked: one target or all, every delivery or only the failed and retrying ones.</summary>
public sealed record HistoryRequest(TargetKey? Target, bool FailedOnly);
