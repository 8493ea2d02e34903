namespace CommunityBot.Announcements;

/// <summary>What the bot reads of a feed entry: RSS guid or Atom id, link, title and date, each possibly missing.</summary>
public sealed record FeedItem(string? Id, Uri? Link, string Title, DateTimeOffset? Published);
