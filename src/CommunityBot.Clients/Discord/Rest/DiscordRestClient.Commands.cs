using System.Globalization;
using CommunityBot.Clients.Discord.JsonModels;

namespace CommunityBot.Clients.Discord.Rest;

public sealed partial class DiscordRestClient
{
    private static readonly DiscordRoute s_globalCommandsGet = new("GET applications/{application}/commands");
    private static readonly DiscordRoute s_globalCommandsPut = new("PUT applications/{application}/commands");

    public Task<IReadOnlyList<JsonApplicationCommand>> GetGlobalCommandsAsync(ulong applicationId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"applications/{applicationId}/commands"), s_globalCommandsGet, null,
            DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand, cancellationToken);

    // Replaces every global command of every type; commands left out are deleted.
    public Task<IReadOnlyList<JsonApplicationCommand>> BulkOverwriteGlobalCommandsAsync(ulong applicationId,
        IReadOnlyList<JsonApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, string.Create(CultureInfo.InvariantCulture, $"applications/{applicationId}/commands"), s_globalCommandsPut,
            Json(commands, DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand, cancellationToken);

    public Task<IReadOnlyList<JsonApplicationCommand>> GetGuildCommandsAsync(ulong applicationId, ulong guildId,
        CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"applications/{applicationId}/guilds/{guildId}/commands"),
            new DiscordRoute("GET applications/{application}/guilds/{guild}/commands", guildId), null,
            DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand, cancellationToken);

    public Task<IReadOnlyList<JsonApplicationCommand>> BulkOverwriteGuildCommandsAsync(ulong applicationId, ulong guildId,
        IReadOnlyList<JsonApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, string.Create(CultureInfo.InvariantCulture, $"applications/{applicationId}/guilds/{guildId}/commands"),
            new DiscordRoute("PUT applications/{application}/guilds/{guild}/commands", guildId),
            Json(commands, DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListJsonApplicationCommand, cancellationToken);
}
