using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Clients.Mastodon;

/// <summary>Media uploaded to an instance, to be named in a status's <c>media_ids</c>.</summary>
/// <param name="Id">The media's id on the instance.</param>
/// <param name="Processing">
/// The server accepted the file but has not finished with it (202 to an upload, 206 to a look-up): a status that
/// names it now is refused, so wait and look again.
/// </param>
public sealed record MastodonMedia(string Id, bool Processing);
