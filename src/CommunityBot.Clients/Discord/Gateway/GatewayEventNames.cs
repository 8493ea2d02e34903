using System.Text.Json;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>
/// The names of gateway dispatches (<see cref="GatewayDispatch"/>'s event name). The client hands out one shared string
/// per frequent name, so the hot path allocates none.
/// </summary>
public static class GatewayEventNames
{
    /// <summary>An interaction: a slash command, a component, autocomplete or a modal.</summary>
    public const string InteractionCreate = "INTERACTION_CREATE";

    /// <summary>The session is identified; carries the session id and the guilds to expect.</summary>
    public const string Ready = "READY";

    /// <summary>The session was resumed; the missed events have been replayed.</summary>
    public const string Resumed = "RESUMED";

    /// <summary>A guild became available or the bot joined it.</summary>
    public const string GuildCreate = "GUILD_CREATE";

    /// <summary>A guild changed.</summary>
    public const string GuildUpdate = "GUILD_UPDATE";

    /// <summary>The bot left a guild or it became unavailable.</summary>
    public const string GuildDelete = "GUILD_DELETE";

    private static readonly (byte[] Utf8, string Name)[] s_known =
    [
        .. new[]
        {
            InteractionCreate, Ready, Resumed, GuildCreate, GuildUpdate, GuildDelete,
            "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE",
            "APPLICATION_COMMAND_PERMISSIONS_UPDATE", "ENTITLEMENT_CREATE", "ENTITLEMENT_UPDATE", "ENTITLEMENT_DELETE",
        }.Select(name => (System.Text.Encoding.UTF8.GetBytes(name), name)),
    ];

    internal static string Get(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, name) in s_known)
        {
            if (reader.ValueTextEquals(utf8))
                return name;
        }

        return reader.GetString()!;
    }
}
