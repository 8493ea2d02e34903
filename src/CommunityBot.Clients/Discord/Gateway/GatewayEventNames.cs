using System.Text.Json;

namespace CommunityBot.Clients.Discord.Gateway;

/// <summary>Hands out one shared string per frequent event name so the hot path allocates none.</summary>
internal static class GatewayEventNames
{
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";

    private static readonly (byte[] Utf8, string Name)[] s_known =
    [
        .. new[]
        {
            InteractionCreate, Ready, Resumed, "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE",
            "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE",
            "APPLICATION_COMMAND_PERMISSIONS_UPDATE", "ENTITLEMENT_CREATE", "ENTITLEMENT_UPDATE", "ENTITLEMENT_DELETE",
        }.Select(name => (System.Text.Encoding.UTF8.GetBytes(name), name)),
    ];

    public static string Get(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, name) in s_known)
        {
            if (reader.ValueTextEquals(utf8))
                return name;
        }

        return reader.GetString()!;
    }
}
