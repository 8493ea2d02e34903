namespace CommunityBot.Storage;

/// <summary>Where a target is in its walk through the epigraphs: the round, and what it has shown in it.</summary>
/// <param name="Next">The quote already chosen for the next post, so that a preview shows exactly what will be posted.</param>
/// <param name="LastPostKey">The idempotency key of the post that last moved the rotation on.</param>
public sealed record RotationState(string Target, int Round, IReadOnlySet<string> Shown, string? Next = null, string? LastPostKey = null);
