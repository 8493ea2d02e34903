namespace CommunityBot.Announcements;

/// <summary>
/// What the bot reads of a feed entry: RSS guid or Atom id, link, title and date, each possibly missing. Every text
/// is free of control characters; <see cref="Link"/> is an http(s) address or null, and when the entry named a link
/// the bot will not post, <see cref="LinkProblem"/> says why.
/// </summary>
public sealed record FeedItem(string? Id, Uri? Link, string Title, DateTimeOffset? Published, FeedLinkProblem? LinkProblem = null);
