using CommunityBot.Clients.Mastodon.JsonModels;

namespace CommunityBot.Clients.Mastodon;

/// <param name="Processing">
/// The server accepted the file but has not finished with it (202 to an upload, 206 to a look-up): a status that
/// names it now is refused, so wait and look again.
/// </param>
public sealed record MastodonMedia(string Id, bool Processing);
