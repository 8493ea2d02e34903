namespace CommunityBot.Content;

/// <summary>A reference or further resource, in the parts the page gives: who, where, when and a note.</summary>
public sealed record Reference(string Title, string? Who, string? Where, string? When, string? Note, Uri? Url);
