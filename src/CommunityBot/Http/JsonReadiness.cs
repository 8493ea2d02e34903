namespace CommunityBot.Http;

/// <summary>The body of <c>/readyz</c>: "ready", or "not ready" and what is not.</summary>
public sealed record JsonReadiness(string Status, IReadOnlyList<string> NotReady);
