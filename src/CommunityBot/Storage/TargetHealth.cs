namespace CommunityBot.Storage;

public sealed record TargetHealth(string Target, int ConsecutiveFailures, bool Paused, string? LastError);
