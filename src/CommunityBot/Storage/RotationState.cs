namespace CommunityBot.Storage;

/// <summary>Where a target is in its walk through the epigraphs: the round, and what it has shown in it.</summary>
public sealed record RotationState(string Target, int Round, IReadOnlySet<string> Shown);
