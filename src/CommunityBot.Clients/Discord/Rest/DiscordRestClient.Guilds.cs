using System.Globalization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient
{
    public Task<JsonGuild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"guilds/{guildId}"), new DiscordRoute("GET guilds/{guild}", guildId), null,
            DiscordJsonContext.Default.JsonGuild, cancellationToken);

    public Task<IReadOnlyList<JsonRole>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"guilds/{guildId}/roles"), new DiscordRoute("GET guilds/{guild}/roles", guildId), null,
            DiscordJsonContext.Default.IReadOnlyListJsonRole, cancellationToken);

    public Task<JsonGuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"guilds/{guildId}/members/{userId}"), new DiscordRoute("GET guilds/{guild}/members/{user}", guildId), null,
            DiscordJsonContext.Default.JsonGuildMember, cancellationToken);
}
