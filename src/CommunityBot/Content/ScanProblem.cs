namespace CommunityBot.Content;

/// <summary>Why a part of an essay file is refused before its parser sees it, at a 1-based line of that part.</summary>
public sealed record ScanProblem(int Line, string Message);
