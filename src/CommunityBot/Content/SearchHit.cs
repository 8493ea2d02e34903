namespace CommunityBot.Content;

/// <param name="Field">Where the snippet comes from: title, quote, reference or body.</param>
public sealed record SearchHit(Essay Essay, double Score, string Field, string Snippet);
