using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient
{
    private static readonly DiscordRoute s_currentUser = new("GET users/@me");
    private static readonly DiscordRoute s_currentApplication = new("GET applications/@me");

    public Task<JsonUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "users/@me", s_currentUser, null, DiscordJsonContext.Default.JsonUser, cancellationToken);

    public Task<JsonApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "applications/@me", s_currentApplication, null, DiscordJsonContext.Default.JsonApplication, cancellationToken);
}
