namespace CommunityBot.History;

/// <param name="Why">For a stopped target, how many posts failed and the last error; null otherwise.</param>
/// <param name="NextEpigraph">When its next scheduled epigraph is due; null when it gets none or is not active.</param>
public sealed record TargetState(string Target, TargetUse Use, TargetActivity Activity, string? Why, DateTimeOffset? NextEpigraph);
